package io.atelier;

import io.atelier.lifecycle.TerminationSignal;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Atelier: a model repository that speaks Camunda Web Modeler's REST API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AtelierApplication {

  public static void main(String[] args) {
    SpringApplication.run(AtelierApplication.class, args);
    TerminationSignal.exitCleanlyOnTerm();
  }
}
