package io.atelier.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the Web Modeler API permissions a token grants. Camunda Identity writes them to {@code
 * permissions.<audience>}; Keycloak also to {@code resource_access.<audience>.roles}; other issuers
 * may only have scopes. The first of these that is present wins.
 */
final class TokenPermissions {

  private TokenPermissions() {}

  static Set<String> of(Jwt jwt, String permissionsClaim, List<String> audiences) {
    Set<String> fromPermissions = perAudience(jwt.getClaim(permissionsClaim), audiences, null);
    if (fromPermissions != null) {
      return fromPermissions;
    }
    Set<String> fromRoles = perAudience(jwt.getClaim("resource_access"), audiences, "roles");
    if (fromRoles != null) {
      return fromRoles;
    }
    Object scope = jwt.getClaims().getOrDefault("scope", jwt.getClaim("scp"));
    return new LinkedHashSet<>(strings(scope));
  }

  private static Set<String> perAudience(Object claim, List<String> audiences, String member) {
    if (!(claim instanceof Map<?, ?> byAudience)) {
      return null;
    }
    Set<String> granted = null;
    for (String audience : audiences) {
      Object entry = byAudience.get(audience);
      if (member != null && entry instanceof Map<?, ?> nested) {
        entry = nested.get(member);
      }
      if (entry != null) {
        granted = granted == null ? new LinkedHashSet<>() : granted;
        granted.addAll(strings(entry));
      }
    }
    return granted;
  }

  private static List<String> strings(Object value) {
    if (value instanceof String text) {
      return Arrays.stream(text.split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
    if (value instanceof Collection<?> values) {
      List<String> result = new ArrayList<>();
      values.forEach(v -> result.add(String.valueOf(v)));
      return result;
    }
    return List.of();
  }
}
