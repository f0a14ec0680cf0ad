package io.atelier.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.file.FileService.NewFile;
import io.atelier.folder.Folder;
import io.atelier.folder.FolderService;
import io.atelier.project.ProjectService;
import io.atelier.security.Caller;
import io.atelier.support.ApiTest;
import io.atelier.web.NotFoundException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the beta API and milestones use beyond v1: content replacement and recursive deletes. */
class FileServiceTest extends ApiTest {

  private static final Caller USER = new Caller("sub-1", "Ada", "ada@example.com");

  @Autowired private ProjectService projects;
  @Autowired private FolderService folders;
  @Autowired private FileService files;

  @Test
  void replaceContentWhenCalledThenNewRevisionWithThatContentAndAuthor() {
    UUID projectId = projects.create("P", USER).id();
    ModelFile file = files.create(new NewFile("f", projectId, null, "bpmn", TestFiles.BPMN), USER);
    String restored = TestFiles.BPMN.replace("id=\"s\"", "id=\"restored\"");

    ModelFile replaced = files.replaceContent(file.id(), restored, USER);

    assertThat(replaced.revision()).isEqualTo(2);
    assertThat(replaced.updatedBy().id()).isEqualTo("sub-1");
    assertThat(replaced.updatedBy().email()).isEqualTo("ada@example.com");
    assertThat(files.getWithContent(file.id()).content()).isEqualTo(restored);
  }

  @Test
  void deleteWhenRecursiveThenFolderWithFilesGone() {
    UUID projectId = projects.create("P", USER).id();
    Folder top = folders.create("Top", projectId, null, USER);
    Folder child = folders.create("Child", null, top.id(), USER);
    ModelFile file = files.create(new NewFile("f", null, child.id(), "form", TestFiles.FORM), USER);

    folders.delete(top.id(), true);

    assertThatThrownBy(() -> files.get(file.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> folders.get(child.id())).isInstanceOf(NotFoundException.class);
    assertThat(projects.get(projectId).id()).isEqualTo(projectId);
  }

  @Test
  void deleteWhenProjectRecursiveThenEverythingGone() {
    UUID projectId = projects.create("P", USER).id();
    Folder top = folders.create("Top", projectId, null, USER);
    ModelFile file = files.create(new NewFile("f", null, top.id(), "dmn", TestFiles.DMN), USER);

    projects.delete(projectId, true);

    assertThatThrownBy(() -> projects.get(projectId)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> folders.get(top.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> files.get(file.id())).isInstanceOf(NotFoundException.class);
  }
}
