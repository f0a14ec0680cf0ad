package io.atelier.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How API tokens are checked: {@code atelier.security.*}. The defaults in {@code application.yml}
 * read Web Modeler's own variable names, so an existing deployment's environment carries over.
 *
 * @param issuerUri an external issuer; blank means the embedded identity issues the tokens
 * @param issuerBackendUrl where to fetch the external issuer's discovery document, if not at the
 *     issuer URI itself (an internal host name, for example)
 * @param jwkSetUri the external issuer's key set, skipping discovery
 * @param jwsAlgorithms signature algorithms accepted; never {@code none} nor a symmetric one
 * @param audiences a token's {@code aud} must contain at least one of these
 * @param clockSkew leeway for {@code exp} and {@code nbf}
 * @param permissionsClaim the claim holding {@code {"<audience>": ["read:*", ...]}}
 * @param usernameClaim the claim naming a user in {@code createdBy}/{@code updatedBy}
 * @param authorizedOrganization the organization id the info endpoint reports
 */
@ConfigurationProperties("atelier.security")
public record SecurityProperties(
    String issuerUri,
    String issuerBackendUrl,
    String jwkSetUri,
    List<String> jwsAlgorithms,
    List<String> audiences,
    Duration clockSkew,
    String permissionsClaim,
    String usernameClaim,
    String authorizedOrganization) {

  public SecurityProperties {
    issuerUri = blankToNull(issuerUri);
    issuerBackendUrl = blankToNull(issuerBackendUrl);
    jwkSetUri = blankToNull(jwkSetUri);
    jwsAlgorithms =
        jwsAlgorithms == null || jwsAlgorithms.isEmpty() ? List.of("RS256") : jwsAlgorithms;
    audiences =
        audiences == null || audiences.isEmpty() ? List.of("web-modeler-public-api") : audiences;
    clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
    permissionsClaim = permissionsClaim == null ? "permissions" : permissionsClaim;
    usernameClaim = usernameClaim == null ? "name" : usernameClaim;
    authorizedOrganization =
        authorizedOrganization == null
            ? "00000000-0000-0000-0000-000000000000"
            : authorizedOrganization;
  }

  /** True when tokens come from an external issuer and the embedded identity stays off. */
  public boolean externalIssuer() {
    return issuerUri != null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
