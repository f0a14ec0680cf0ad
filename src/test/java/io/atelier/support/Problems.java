package io.atelier.support;

import tools.jackson.databind.json.JsonMapper;

/** The whole v1 problem body a refused request is expected to get, as JSON text. */
public final class Problems {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Problems() {}

  public static String of(int status, String title, String detail, String instance) {
    return JSON.writeValueAsString(
        Api.json(
            "type",
            "about:blank",
            "title",
            title,
            "status",
            status,
            "detail",
            detail,
            "instance",
            instance));
  }

  public static String badRequest(String detail, String instance) {
    return of(400, "Bad Request", detail, instance);
  }

  public static String notFound(String detail, String instance) {
    return of(404, "Not Found", detail, instance);
  }
}
