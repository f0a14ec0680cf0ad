package io.atelier.user;

import io.atelier.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Makes every user who calls the API known, before the request is handled. */
@Configuration(proxyBeanMethods = false)
class KnownUsersInterceptor implements HandlerInterceptor, WebMvcConfigurer {

  private final UserService users;

  KnownUsersInterceptor(UserService users) {
    this.users = users;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    Caller.current().ifPresent(users::remember);
    return true;
  }
}
