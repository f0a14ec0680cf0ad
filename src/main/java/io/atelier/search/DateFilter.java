package io.atelier.search;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

/**
 * A date filter as Web Modeler writes it: an ISO-8601 zoned timestamp, optionally prefixed with
 * {@code <}, {@code <=}, {@code >} or {@code >=} and suffixed with {@code ||/unit} to round it to
 * the start of its year, month, week, day, hour, minute or second. Rounding happens in the zone the
 * timestamp names. A bare timestamp means equality; a rounded one without prefix means "within that
 * unit".
 */
record DateFilter(List<Bound> bounds) {

  static final String FORMAT =
      "must be a date-time such as 2023-09-20T11:31:20.206801604Z (years 0001 to 9999),"
          + " optionally prefixed with <, <=, > or >= and suffixed with ||/y, ||/M, ||/w, ||/d,"
          + " ||/h, ||/m or ||/s";

  /** What both databases store: PostgreSQL's timestamps end in the year 294276, H2's later. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

  private static final Map<String, ChronoUnit> UNITS =
      Map.of(
          "y", ChronoUnit.YEARS,
          "M", ChronoUnit.MONTHS,
          "w", ChronoUnit.WEEKS,
          "d", ChronoUnit.DAYS,
          "h", ChronoUnit.HOURS,
          "m", ChronoUnit.MINUTES,
          "s", ChronoUnit.SECONDS);

  /** One SQL comparison: {@code column <operator> instant}. */
  record Bound(String operator, Instant instant) {}

  /** Reads a filter value; null when it is not in the documented format or its years. */
  static DateFilter parse(String value) {
    String text = value.strip();
    String prefix = "";
    for (String candidate : List.of("<=", ">=", "<", ">")) {
      if (text.startsWith(candidate)) {
        prefix = candidate;
        text = text.substring(candidate.length()).strip();
        break;
      }
    }
    ChronoUnit unit = null;
    int suffix = text.indexOf("||/");
    if (suffix >= 0) {
      unit = UNITS.get(text.substring(suffix + 3));
      if (unit == null) {
        return null;
      }
      text = text.substring(0, suffix);
    }
    DateFilter filter;
    try {
      ZonedDateTime time = ZonedDateTime.parse(text);
      filter = unit == null ? exact(prefix, time.toInstant()) : rounded(prefix, time, unit);
    } catch (DateTimeException e) {
      return null;
    }
    boolean storable =
        filter.bounds().stream()
            .allMatch(
                bound -> !bound.instant().isBefore(EARLIEST) && !bound.instant().isAfter(LATEST));
    return storable ? filter : null;
  }

  private static DateFilter exact(String prefix, Instant instant) {
    return new DateFilter(List.of(new Bound(prefix.isEmpty() ? "=" : prefix, instant)));
  }

  private static DateFilter rounded(String prefix, ZonedDateTime time, ChronoUnit unit) {
    ZonedDateTime start = startOf(time, unit);
    Instant from = start.toInstant();
    Instant until = start.plus(1, unit).toInstant();
    return new DateFilter(
        switch (prefix) {
          case "<" -> List.of(new Bound("<", from));
          case "<=" -> List.of(new Bound("<", until));
          case ">" -> List.of(new Bound(">=", until));
          case ">=" -> List.of(new Bound(">=", from));
          default -> List.of(new Bound(">=", from), new Bound("<", until));
        });
  }

  private static ZonedDateTime startOf(ZonedDateTime time, ChronoUnit unit) {
    return switch (unit) {
      case YEARS -> time.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS);
      case MONTHS -> time.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
      case WEEKS ->
          time.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
              .truncatedTo(ChronoUnit.DAYS);
      default -> time.truncatedTo(unit);
    };
  }
}
