package io.atelier.identity;

import io.atelier.security.SecurityProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded OIDC token issuer, built on Spring Security's authorization server. It listens on
 * its own port under Keycloak's realm path, so the token request in Web Modeler's documentation
 * works unchanged: {@code POST /auth/realms/camunda-platform/protocol/openid-connect/token}. It is
 * off when an external issuer is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${atelier.security.issuer-uri:}'.trim().isEmpty()")
class EmbeddedIdentityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedIdentityConfiguration.class);
  static final String TOKEN_PATH = "/protocol/openid-connect/token";

  @Bean
  IdentityConnector identityConnector(IdentityProperties properties) {
    return new IdentityConnector(properties.port());
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> identityPort(
      IdentityConnector connector) {
    return factory -> factory.addAdditionalConnectors(connector.connector());
  }

  @Bean
  FilterRegistrationBean<IdentityPortFilter> identityPortFilter(IdentityConnector connector) {
    var registration = new FilterRegistrationBean<>(new IdentityPortFilter(connector));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    String protocol = "/protocol/openid-connect";
    return AuthorizationServerSettings.builder()
        .multipleIssuersAllowed(true)
        .tokenEndpoint(TOKEN_PATH)
        .jwkSetEndpoint(protocol + "/certs")
        .authorizationEndpoint(protocol + "/auth")
        .tokenIntrospectionEndpoint(protocol + "/token/introspect")
        .tokenRevocationEndpoint(protocol + "/revoke")
        .oidcUserInfoEndpoint(protocol + "/userinfo")
        .oidcLogoutEndpoint(protocol + "/logout")
        .build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain identitySecurity(
      HttpSecurity http,
      IdentityConnector connector,
      ApiClients clients,
      IdentityProperties properties)
      throws Exception {
    OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
    RequestMatcher onIdentityPort = connector::accepts;
    http.securityMatcher(new AndRequestMatcher(onIdentityPort, server.getEndpointsMatcher()))
        .with(
            server,
            as ->
                as.registeredClientRepository(clients)
                    .authorizationService(new NoStoredAuthorizations())
                    .tokenEndpoint(token -> token.accessTokenResponseHandler(keycloakResponse()))
                    .oidc(
                        oidc ->
                            oidc.providerConfigurationEndpoint(
                                endpoint ->
                                    endpoint.providerConfigurationCustomizer(
                                        config -> config.issuer(properties.issuerUrl())))))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  PasswordEncoder clientSecretEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  SigningKeys signingKeys(JdbcClient jdbc) {
    return new SigningKeys(jdbc);
  }

  @Bean
  ApiClients apiClients(JdbcClient jdbc, PasswordEncoder encoder, IdentityProperties properties) {
    return new ApiClients(jdbc, encoder, properties);
  }

  /** Creates the signing key and the clients once the schema exists, before any request. */
  @Bean
  SmartInitializingSingleton identityStartup(
      SigningKeys keys,
      ApiClients clients,
      TransactionTemplate transaction,
      IdentityProperties properties) {
    return () -> {
      keys.keySet();
      String tokenEndpoint = properties.issuerUrl() + TOKEN_PATH;
      clients.synchronize(transaction, tokenEndpoint);
      log.info(
          "Embedded identity issues tokens at {} (issuer {})",
          tokenEndpoint,
          properties.issuerUrl());
    };
  }

  /** Access tokens carry what Web Modeler expects of a Camunda Identity token. */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> webModelerClaims(
      IdentityProperties identity, SecurityProperties security) {
    return context -> {
      if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
        return;
      }
      RegisteredClient client = context.getRegisteredClient();
      Object permissions = client.getClientSettings().getSetting(ApiClients.PERMISSIONS_SETTING);
      context
          .getClaims()
          .issuer(identity.issuerUrl())
          .audience(security.audiences())
          .id(UUID.randomUUID().toString())
          .claim("azp", client.getClientId())
          .claim("typ", "Bearer")
          .claim("permissions", Map.of(security.audiences().get(0), permissions));
    };
  }

  /** Answers a token request with the members a Keycloak token response has. */
  private static AuthenticationSuccessHandler keycloakResponse() {
    OAuth2AccessTokenResponseHttpMessageConverter converter =
        new OAuth2AccessTokenResponseHttpMessageConverter();
    return (request, response, authentication) -> {
      OAuth2AccessTokenAuthenticationToken issued =
          (OAuth2AccessTokenAuthenticationToken) authentication;
      OAuth2AccessToken token = issued.getAccessToken();
      long expiresIn =
          issued.getRegisteredClient().getTokenSettings().getAccessTokenTimeToLive().toSeconds();
      Object permissions =
          issued
              .getRegisteredClient()
              .getClientSettings()
              .getSetting(ApiClients.PERMISSIONS_SETTING);
      OAuth2AccessTokenResponse body =
          OAuth2AccessTokenResponse.withToken(token.getTokenValue())
              .tokenType(OAuth2AccessToken.TokenType.BEARER)
              .expiresIn(expiresIn)
              .additionalParameters(
                  Map.of(
                      "refresh_expires_in", 0,
                      "not-before-policy", 0,
                      "scope", String.join(" ", (java.util.List<String>) permissions)))
              .build();
      converter.write(body, null, new ServletServerHttpResponse(response));
    };
  }

  /** The identity port's connector, kept to learn the port it actually bound. */
  static final class IdentityConnector {

    private final Connector connector;

    IdentityConnector(int port) {
      this.connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
      this.connector.setPort(port);
    }

    Connector connector() {
      return connector;
    }

    int localPort() {
      return connector.getLocalPort();
    }

    /** True for requests to the identity port under the realm path. */
    boolean accepts(HttpServletRequest request) {
      return request.getLocalPort() == localPort()
          && request.getRequestURI().startsWith(IdentityProperties.REALM_PATH + "/");
    }
  }
}
