package io.atelier.info;

import io.atelier.security.Permission;
import io.atelier.security.SecurityProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets a client check its token: which API version answers and which permissions it holds. */
@RestController
@Tag(name = "Info")
class InfoController {

  private final SecurityProperties properties;

  InfoController(SecurityProperties properties) {
    this.properties = properties;
  }

  @GetMapping("/api/v1/info")
  @Operation(operationId = "getInfo", summary = "Version and permissions of the calling token")
  InfoDto v1(Authentication authentication) {
    return info("v1", authentication);
  }

  @GetMapping("/api/beta/info")
  @Operation(operationId = "getBetaInfo", summary = "Version and permissions of the calling token")
  InfoDto beta(Authentication authentication) {
    return info("beta", authentication);
  }

  /**
   * The early self-managed beta documented the info call as a POST with an empty body; mapped on
   * its own so the OpenAPI document gives it a real operationId rather than a numbered duplicate.
   */
  @PostMapping("/api/beta/info")
  @Operation(
      operationId = "postBetaInfo",
      summary = "Version and permissions of the calling token (the first beta's POST form)")
  InfoDto betaByPost(Authentication authentication) {
    return info("beta", authentication);
  }

  private InfoDto info(String version, Authentication authentication) {
    Set<String> granted =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .collect(Collectors.toSet());
    return new InfoDto(
        version,
        properties.authorizedOrganization(),
        granted.contains(Permission.CREATE.value()),
        granted.contains(Permission.READ.value()),
        granted.contains(Permission.UPDATE.value()),
        granted.contains(Permission.DELETE.value()));
  }
}
