package io.atelier.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.atelier.identity.IdentityProperties;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Protects {@code /api/**} with bearer tokens as Web Modeler does: signature, lifetime, issuer and
 * audience checks, then the permission the HTTP method needs. Everything outside {@code /api} that
 * the API port serves (Swagger UI, the OpenAPI document) is public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  @Order(2)
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      JwtDecoder decoder,
      SecurityProperties properties,
      ApiSecurityErrors errors)
      throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().access(new PermissionCheck()))
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .bearerTokenResolver(new BearerHeader())
                    .authenticationEntryPoint(errors)
                    .accessDeniedHandler(errors)
                    .jwt(
                        jwt ->
                            jwt.decoder(decoder)
                                .jwtAuthenticationConverter(authentication(properties))))
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  /**
   * Turns off Spring Security's own observations: a timer and a span around every filter of the
   * chain, the authentication and the authorization of each request. They took a third of the CPU
   * samples of {@code GET /api/v1/info} in a profile; every request is still timed as {@code
   * http.server.requests}.
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** Spring Security's strict firewall, its header rules checked by {@link HeaderRules}. */
  @Bean
  HttpFirewall firewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowedHeaderNames(HeaderRules::allowedName);
    firewall.setAllowedHeaderValues(HeaderRules::allowedValue);
    return firewall;
  }

  @Bean
  JwtDecoder apiTokenDecoder(
      SecurityProperties properties,
      IdentityProperties identity,
      ObjectProvider<JWKSource<SecurityContext>> embeddedKeys) {
    if (properties.externalIssuer()) {
      IssuerConnection issuer = new IssuerConnection(properties);
      log.info(
          "API tokens must come from issuer {} (keys via {}) with audience {}",
          properties.issuerUri(),
          properties.jwkSetUri() != null ? properties.jwkSetUri() : issuer.discoveryBase(),
          properties.audiences());
      return new ApiTokenDecoder(
          properties.jwsAlgorithms(),
          issuer::verifier,
          tokenChecks(properties, properties.issuerUri()));
    }
    NimbusJwtDecoder embedded =
        NimbusJwtDecoder.withJwkSource(embeddedKeys.getObject())
            .jwsAlgorithms(
                set -> properties.jwsAlgorithms().forEach(a -> set.add(SignatureAlgorithm.from(a))))
            .jwtProcessorCustomizer(TokenChecks::leaveClaimsToSpring)
            .build();
    embedded.setJwtValidator(TokenChecks.signatureOnly());
    log.info(
        "API tokens must come from the embedded issuer {} with audience {}",
        identity.issuerUrl(),
        properties.audiences());
    return new ApiTokenDecoder(
        properties.jwsAlgorithms(), () -> embedded, tokenChecks(properties, identity.issuerUrl()));
  }

  static OAuth2TokenValidator<Jwt> tokenChecks(SecurityProperties properties, String issuer) {
    return TokenChecks.all(
        issuer, properties.audiences(), properties.clockSkew(), Clock.systemUTC());
  }

  @Bean
  HealthIndicator issuer(SecurityProperties properties) {
    if (!properties.externalIssuer()) {
      return () -> Health.up().withDetail("issuer", "embedded").build();
    }
    return new IssuerHealth(properties, new IssuerConnection(properties));
  }

  /** Says at start-up whether the external issuer answers, so a wrong URL shows at once. */
  @Bean
  ApplicationListener<ApplicationReadyEvent> checkIssuerAtStart(HealthIndicator issuer) {
    return ready -> issuer.health();
  }

  private static Converter<Jwt, AbstractAuthenticationToken> authentication(
      SecurityProperties properties) {
    return jwt -> {
      Set<String> permissions =
          TokenPermissions.of(jwt, properties.permissionsClaim(), properties.audiences());
      Collection<GrantedAuthority> authorities =
          List.copyOf(permissions.stream().map(SimpleGrantedAuthority::new).toList());
      return new CallerAuthentication(jwt, authorities, Caller.of(jwt, properties.usernameClaim()));
    };
  }

  /** An authenticated API request: the token, its permissions and the caller it names. */
  static final class CallerAuthentication extends JwtAuthenticationToken {

    private final Caller caller;

    CallerAuthentication(Jwt jwt, Collection<GrantedAuthority> authorities, Caller caller) {
      super(jwt, authorities, caller.subject());
      this.caller = caller;
    }

    Caller caller() {
      return caller;
    }
  }
}
