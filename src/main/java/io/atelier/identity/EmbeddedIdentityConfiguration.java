package io.atelier.identity;

import io.atelier.security.SecurityProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

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

  /**
   * The embedded issuer signs tokens for API clients only. Its authorization endpoint exists
   * because the authorization server always maps one; without this answer a browser-style request
   * there failed inside the server's redirect check (500).
   */
  private static final OAuth2Error ONLY_CLIENT_CREDENTIALS =
      new OAuth2Error(
          OAuth2ErrorCodes.UNSUPPORTED_RESPONSE_TYPE,
          "The embedded issuer grants tokens only to API clients, with"
              + " grant_type=client_credentials at the issuer's "
              + TOKEN_PATH
              + "; it has no sign-in for users.",
          null);

  /** A request to the realm that names no client at all (no form parameters, no Basic header). */
  private static final OAuth2Error NO_CLIENT_CREDENTIALS =
      new OAuth2Error(
          OAuth2ErrorCodes.INVALID_CLIENT,
          "No client credentials: send client_id and client_secret as form parameters"
              + " (application/x-www-form-urlencoded) or in an HTTP Basic Authorization header.",
          null);

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
      IdentityProperties properties,
      JsonMapper json)
      throws Exception {
    OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
    RequestMatcher onIdentityPort = connector::accepts;
    http.securityMatcher(new AndRequestMatcher(onIdentityPort, server.getEndpointsMatcher()))
        .with(
            server,
            as ->
                as.registeredClientRepository(clients)
                    .authorizationService(new NoStoredAuthorizations())
                    .tokenEndpoint(
                        token -> token.accessTokenResponseHandler(keycloakResponse(json)))
                    .authorizationEndpoint(
                        authorization ->
                            authorization
                                .authorizationRequestConverter(
                                    request -> {
                                      throw new OAuth2AuthenticationException(
                                          ONLY_CLIENT_CREDENTIALS);
                                    })
                                .errorResponseHandler(oauthError(json)))
                    .oidc(
                        oidc ->
                            oidc.providerConfigurationEndpoint(
                                endpoint ->
                                    endpoint.providerConfigurationCustomizer(
                                        config -> config.issuer(properties.issuerUrl())))))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(
                    (request, response, exception) ->
                        writeError(response, HttpStatus.UNAUTHORIZED, NO_CLIENT_CREDENTIALS, json)))
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

  /** An OAuth error as JSON with status 400, as the token endpoint answers its own errors. */
  private static AuthenticationFailureHandler oauthError(JsonMapper json) {
    return (request, response, exception) ->
        writeError(
            response,
            HttpStatus.BAD_REQUEST,
            ((OAuth2AuthenticationException) exception).getError(),
            json);
  }

  private static void writeError(
      HttpServletResponse response, HttpStatus status, OAuth2Error error, JsonMapper json)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error.getErrorCode());
    body.put("error_description", error.getDescription());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), body);
  }

  /**
   * Answers a token request with the members, and in the order, of a Keycloak token response.
   * Written here rather than by the authorization server's converter, which recomputes {@code
   * expires_in} from the clock and so reports one second less than the configured lifetime.
   */
  private static AuthenticationSuccessHandler keycloakResponse(JsonMapper json) {
    return (request, response, authentication) -> {
      OAuth2AccessTokenAuthenticationToken issued =
          (OAuth2AccessTokenAuthenticationToken) authentication;
      RegisteredClient client = issued.getRegisteredClient();
      @SuppressWarnings("unchecked")
      List<String> permissions =
          (List<String>) client.getClientSettings().getSetting(ApiClients.PERMISSIONS_SETTING);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("access_token", issued.getAccessToken().getTokenValue());
      body.put("expires_in", client.getTokenSettings().getAccessTokenTimeToLive().toSeconds());
      body.put("refresh_expires_in", 0);
      body.put("token_type", "Bearer");
      body.put("not-before-policy", 0);
      body.put("scope", String.join(" ", permissions));
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      json.writeValue(response.getOutputStream(), body);
    };
  }
}
