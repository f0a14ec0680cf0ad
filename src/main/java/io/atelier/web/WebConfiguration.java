package io.atelier.web;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
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

  /**
   * Puts {@link ContainerErrorValve} in place of Tomcat's HTML error report. Ordered after Spring
   * Boot's own Tomcat customizer, which installs that report, so that this one replaces it.
   */
  @Bean
  WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> containerErrorsInApiShapes() {
    return new ContainerErrorCustomizer();
  }

  private static final class ContainerErrorCustomizer
      implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
      factory.addContextCustomizers(
          context -> {
            Container host = context.getParent();
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
              if (valve instanceof ErrorReportValve && !(valve instanceof ContainerErrorValve)) {
                pipeline.removeValve(valve);
              }
            }
            if (host instanceof StandardHost standardHost) {
              standardHost.setErrorReportValveClass(ContainerErrorValve.class.getName());
            }
            pipeline.addValve(new ContainerErrorValve());
          });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
