package io.atelier.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.web.InvalidRequestException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XmlContentTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://www.omg.org/spec/DMN/20151101/dmn.xsd",
        "http://www.omg.org/spec/DMN/20180521/MODEL/",
        "https://www.omg.org/spec/DMN/20191111/MODEL/",
        "https://www.omg.org/spec/DMN/20211108/MODEL/",
        "https://www.omg.org/spec/DMN/20230324/MODEL/"
      })
  void checkWhenDmnRootInAnyDmnNamespaceThenAccepted(String namespace) {
    String dmn = "<d:definitions xmlns:d=\"" + namespace + "\"/>";

    assertThatCode(() -> XmlContent.check(FileType.DMN, dmn)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<definitions/>",
        "<definitions xmlns=\"http://www.omg.org/spec/DMN/MODEL/\"/>",
        "<x:process xmlns:x=\"https://www.omg.org/spec/DMN/20191111/MODEL/\"/>"
      })
  void checkWhenDmnRootWrongThenRefused(String xml) {
    assertThatThrownBy(() -> XmlContent.check(FileType.DMN, xml))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("must have the root element definitions in a DMN namespace");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uFEFF", ""})
  void checkWhenLeadingByteOrderMarkThenSkippedForCheck(String bom) {
    String bpmn =
        bom
            + "<?xml version=\"1.0\"?>\r\n<definitions xmlns=\""
            + XmlContent.BPMN_NAMESPACE
            + "\"/>";

    assertThatCode(() -> XmlContent.check(FileType.BPMN, bpmn)).doesNotThrowAnyException();
  }

  @Test
  void checkWhenManyThreadsCheckAtOnceThenEachGetsItsOwnVerdict() throws Exception {
    String valid = "<definitions xmlns=\"" + XmlContent.BPMN_NAMESPACE + "\"/>";
    String doctype = "<!DOCTYPE d [<!ENTITY a \"a\">]><definitions/>";
    String broken = "<definitions xmlns=\"" + XmlContent.BPMN_NAMESPACE + "\">";
    List<String> documents = List.of(valid, doctype, broken);
    List<Callable<String>> checks =
        IntStream.range(0, 3_000)
            .mapToObj(i -> documents.get(i % 3))
            .<Callable<String>>map(xml -> () -> verdict(xml))
            .toList();

    List<String> verdicts;
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      verdicts = threads.invokeAll(checks).stream().map(XmlContentTest::result).toList();
    } finally {
      threads.shutdownNow();
    }

    for (int i = 0; i < verdicts.size(); i++) {
      String expected =
          switch (i % 3) {
            case 0 -> "accepted";
            case 1 -> "DOCTYPE is disallowed";
            default -> "XML document structures must start and end within the same entity";
          };
      assertThat(verdicts.get(i)).as("check %d", i).contains(expected);
    }
  }

  private static String verdict(String xml) {
    try {
      XmlContent.check(FileType.BPMN, xml);
      return "accepted";
    } catch (InvalidRequestException e) {
      return e.getMessage();
    }
  }

  private static String result(Future<String> check) {
    try {
      return check.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
