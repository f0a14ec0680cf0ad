package io.atelier.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** Request handling shared by every API endpoint. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  /** Settings of the public API: {@code atelier.api.*}. */
  @ConfigurationProperties("atelier.api")
  record ApiProperties(DataSize maxRequestSize) {
    ApiProperties {
      if (maxRequestSize == null) {
        maxRequestSize = DataSize.ofMegabytes(10);
      }
    }
  }

  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
      ApiProperties properties, ErrorResponder responder) {
    var registration =
        new FilterRegistrationBean<>(
            new RequestSizeLimitFilter(properties.maxRequestSize(), responder));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
