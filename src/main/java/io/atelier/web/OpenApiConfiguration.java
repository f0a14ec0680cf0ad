package io.atelier.web;

import io.atelier.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: Web Modeler's title, schema names and the {@code
 * Bearer} security scheme, so clients generated from it match those generated from Web Modeler's.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Bean
  OpenAPI webModelerApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Web Modeler REST API")
                .version("v1")
                .description(
                    "Atelier's implementation of Camunda Web Modeler's REST API (/api/v1 and the"
                        + " beta API under /api/beta). Every call needs a JWT bearer token."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "Bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("Bearer"));
  }
}
