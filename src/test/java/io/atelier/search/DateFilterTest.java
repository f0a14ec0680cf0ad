package io.atelier.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.search.DateFilter.Bound;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateFilterTest {

  private static final String T = "2023-09-20T11:31:20.206801604Z";

  private static Bound bound(String operator, String instant) {
    return new Bound(operator, Instant.parse(instant));
  }

  @Test
  void parseWhenBareTimestampThenEquality() {
    assertThat(DateFilter.parse(T).bounds()).containsExactly(bound("=", T));
  }

  @Test
  void parseWhenRoundedToDayThenWholeDay() {
    assertThat(DateFilter.parse(T + "||/d").bounds())
        .containsExactly(bound(">=", "2023-09-20T00:00:00Z"), bound("<", "2023-09-21T00:00:00Z"));
  }

  @Test
  void parseWhenEachUnitThenStartOfThatUnit() {
    assertThat(DateFilter.parse(T + "||/y").bounds().get(0))
        .isEqualTo(bound(">=", "2023-01-01T00:00:00Z"));
    assertThat(DateFilter.parse(T + "||/M").bounds().get(0))
        .isEqualTo(bound(">=", "2023-09-01T00:00:00Z"));
    assertThat(DateFilter.parse(T + "||/w").bounds().get(0))
        .isEqualTo(bound(">=", "2023-09-18T00:00:00Z"));
    assertThat(DateFilter.parse(T + "||/h").bounds().get(0))
        .isEqualTo(bound(">=", "2023-09-20T11:00:00Z"));
    assertThat(DateFilter.parse(T + "||/m").bounds().get(0))
        .isEqualTo(bound(">=", "2023-09-20T11:31:00Z"));
    assertThat(DateFilter.parse(T + "||/s").bounds().get(1))
        .isEqualTo(bound("<", "2023-09-20T11:31:21Z"));
  }

  @Test
  void parseWhenPrefixedAndRoundedThenOneBound() {
    assertThat(DateFilter.parse(">=" + T + "||/y").bounds())
        .containsExactly(bound(">=", "2023-01-01T00:00:00Z"));
    assertThat(DateFilter.parse(">" + T + "||/y").bounds())
        .containsExactly(bound(">=", "2024-01-01T00:00:00Z"));
    assertThat(DateFilter.parse("<" + T + "||/M").bounds())
        .containsExactly(bound("<", "2023-09-01T00:00:00Z"));
    assertThat(DateFilter.parse("<=" + T + "||/M").bounds())
        .containsExactly(bound("<", "2023-10-01T00:00:00Z"));
  }

  @Test
  void parseWhenPrefixedWithoutRoundingThenPlainComparison() {
    assertThat(DateFilter.parse("<=" + T).bounds()).containsExactly(bound("<=", T));
    assertThat(DateFilter.parse(">" + T).bounds()).containsExactly(bound(">", T));
  }

  @Test
  void parseWhenOffsetGivenThenRoundsInThatZone() {
    assertThat(DateFilter.parse("2023-09-20T01:00:00+02:00||/d").bounds().get(0))
        .isEqualTo(bound(">=", "2023-09-19T22:00:00Z"));
  }

  @Test
  void parseWhenMalformedThenNull() {
    assertThat(DateFilter.parse("yesterday")).isNull();
    assertThat(DateFilter.parse(T + "||/x")).isNull();
    assertThat(DateFilter.parse("=>" + T)).isNull();
  }

  @Test
  void parseWhenYearsBeyondWhatDatabasesStoreThenNull() {
    assertThat(DateFilter.parse("+999999999-12-31T00:00:00Z||/d")).isNull();
    assertThat(DateFilter.parse("+999999999-12-31T23:59:59Z||/s")).isNull();
    assertThat(DateFilter.parse("+10000-01-02T00:00:00Z")).isNull();
    assertThat(DateFilter.parse("-0001-01-01T00:00:00Z")).isNull();
  }

  @Test
  void parseWhenAtTheEdgesOfTheStoredYearsThenAccepted() {
    assertThat(DateFilter.parse("0001-01-01T00:00:00Z")).isNotNull();
    assertThat(DateFilter.parse("9999-12-31T10:00:00Z||/y")).isNotNull();
  }
}
