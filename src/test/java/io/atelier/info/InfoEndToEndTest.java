package io.atelier.info;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.support.Api;
import io.atelier.support.Api.Response;
import io.atelier.support.ApiTest;
import io.atelier.support.TestTokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The "API access" page, step by step: fetch a token with the documented request, call info. */
class InfoEndToEndTest extends ApiTest {

  @Test
  void documentedTokenRequestThenInfoReturnsDocumentedJson() {
    HttpResponse<String> tokenResponse =
        TestTokens.request(
            identity.localPort(),
            "client_id=test-admin&client_secret=test-secret&grant_type=client_credentials");
    JsonNode token = JsonMapper.builder().build().readTree(tokenResponse.body());
    Api documented = new Api(baseUrl(), token.get("access_token").asString());

    Response beta = documented.get("/api/beta/info");
    Response v1 = documented.get("/api/v1/info");

    assertThat(tokenResponse.statusCode()).isEqualTo(200);
    assertThat(token.get("expires_in").asInt()).isEqualTo(300);
    assertThat(token.get("refresh_expires_in").asInt()).isZero();
    assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
    assertThat(token.get("not-before-policy").asInt()).isZero();
    assertThat(beta.status()).isEqualTo(200);
    assertThat(beta.body())
        .isEqualTo(
            "{\"version\":\"beta\",\"authorizedOrganization\":"
                + "\"00000000-0000-0000-0000-000000000000\",\"createPermission\":true,"
                + "\"readPermission\":true,\"updatePermission\":true,\"deletePermission\":true}");
    assertThat(v1.status()).isEqualTo(200);
    assertThat(v1.body()).isEqualTo(beta.body().replace("\"beta\"", "\"v1\""));
  }

  @Test
  void infoWhenTokenLacksPermissionsThenFlagsAreFalse() {
    Response info = api.as(token(TestTokens.READER)).get("/api/v1/info");

    assertThat(info.status()).isEqualTo(200);
    assertThat(info.json().get("readPermission").asBoolean()).isTrue();
    assertThat(info.json().get("createPermission").asBoolean()).isFalse();
    assertThat(info.json().get("updatePermission").asBoolean()).isFalse();
    assertThat(info.json().get("deletePermission").asBoolean()).isFalse();
  }

  @Test
  void betaInfoAcceptsThePostOfTheFirstSelfManagedBeta() {
    Response info = api.post("/api/beta/info", "{}");

    assertThat(info.status()).isEqualTo(200);
    assertThat(info.json().get("version").asString()).isEqualTo("beta");
  }
}
