package io.atelier.file;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.web.InvalidRequestException;
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
}
