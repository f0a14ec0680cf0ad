package io.atelier.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The header is read as Spring's resolver reads it, without its regular expression. */
class BearerHeaderTest {

  private final BearerHeader resolver = new BearerHeader();
  private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
        "bearer abc",
        "BEARER abc",
        "Bearer a-b.c_d~e+f/g",
        "Bearer abc==",
        "Bearer abc="
      })
  void resolveWhenWellFormedThenSameTokenAsSpring(String header) {
    MockHttpServletRequest request = withAuthorization(header);

    assertThat(resolver.resolve(request)).isEqualTo(spring.resolve(request)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer ",
        "Bearer  abc",
        "Bearer abc def",
        "Bearer ab=c",
        "Bearer =abc",
        "Bearer abc!",
        "Bearer abc\t",
        "Bearer äbc",
        "Bearerabc"
      })
  void resolveWhenMalformedThenRefusedAsSpringRefuses(String header) {
    MockHttpServletRequest request = withAuthorization(header);

    assertThatThrownBy(() -> spring.resolve(request))
        .isInstanceOf(OAuth2AuthenticationException.class)
        .hasMessage("Bearer token is malformed");
    assertThatThrownBy(() -> resolver.resolve(request))
        .isInstanceOf(OAuth2AuthenticationException.class)
        .hasMessage("Bearer token is malformed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Token abc", ""})
  void resolveWhenOtherSchemeThenNoToken(String header) {
    assertThat(resolver.resolve(withAuthorization(header))).isNull();
  }

  @Test
  void resolveWhenNoHeaderOrQueryTokenOnlyThenNoToken() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/info");
    request.setParameter("access_token", "abc");

    assertThat(resolver.resolve(request)).isNull();
  }

  private static MockHttpServletRequest withAuthorization(String header) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/info");
    request.addHeader("Authorization", header);
    return request;
  }
}
