package io.atelier.user;

import io.atelier.project.Author;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the {@code known_user} table, keyed by the lower-case email. */
@Repository
class UserRepository {

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<KnownUser> find(String emailKey) {
    return jdbc.sql("select email, subject, name from known_user where email_key = :key")
        .param("key", emailKey)
        .query(
            (row, number) ->
                new KnownUser(
                    row.getString("email"), row.getString("subject"), row.getString("name")))
        .optional();
  }

  /** Inserts the user, or overwrites what is stored under the same email. */
  void save(KnownUser user, Instant now) {
    if (update(user, now)) {
      return;
    }
    try {
      jdbc.sql(
              "insert into known_user (email_key, email, subject, name, updated)"
                  + " values (:key, :email, :subject, :name, :updated)")
          .param("key", Emails.key(user.email()))
          .param("email", user.email())
          .param("subject", user.subject())
          .param("name", user.name())
          .param("updated", Author.utc(now))
          .update();
    } catch (DuplicateKeyException concurrentInsert) {
      update(user, now);
    }
  }

  private boolean update(KnownUser user, Instant now) {
    return jdbc.sql(
                "update known_user set email = :email, subject = :subject, name = :name,"
                    + " updated = :updated where email_key = :key")
            .param("key", Emails.key(user.email()))
            .param("email", user.email())
            .param("subject", user.subject())
            .param("name", user.name())
            .param("updated", Author.utc(now))
            .update()
        == 1;
  }
}
