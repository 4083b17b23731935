package dev.restauth.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testing.TestDatabase;
import dev.restauth.user.SecurityEvent;
import dev.restauth.user.User;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The security log's table against a real H2, PostgreSQL and MariaDB: paging, filters, retention, cascade. */
class AuditEventDaoTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00.123456Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void eventsArePagedNewestFirstFilteredByTimeAndPrunedByAge(TestDatabase.Kind kind) {
        try (TestDatabase test = TestDatabase.create(kind); Database database = Database.of(test.dataSource())) {
            new Migrator(database, Clock.systemUTC()).migrate();
            User alice = database.inTransaction(tx -> tx.users().insert(new UserDao.NewUser("alice",
                    "alice@example.com", "!", "", "", true, false, false, T0)));
            database.useTransaction(tx -> {
                for (int i = 0; i < 5; i++) {
                    tx.auditEvents().insert(alice.id(), "login", "ok", "203.0.113.7", "agent ü", "password",
                            T0.plusSeconds(i));
                }
                tx.auditEvents().insert(null, "login", "failed", "::1", "", "", T0.plusSeconds(10));
            });
            database.useTransaction(tx -> {
                AuditEventDao dao = tx.auditEvents();
                assertEquals(5, dao.countByUser(alice.id()));
                List<SecurityEvent> page = dao.pageByUser(alice.id(), 2, 2);
                assertEquals(List.of(T0.plusSeconds(2), T0.plusSeconds(1)),
                        page.stream().map(SecurityEvent::created).toList());
                SecurityEvent event = page.get(0);
                assertEquals(List.of("alice", "login", "ok", "203.0.113.7", "agent ü", "password"), List.of(
                        event.username(), event.event(), event.outcome(), event.ip(), event.userAgent(),
                        event.detail()));
                assertEquals(3, dao.since(T0.plusSeconds(3), null).size());
                assertEquals(2, dao.since(T0.plusSeconds(3), alice.id()).size());
                assertEquals(null, dao.since(T0.plusSeconds(10), null).get(0).userId());
                assertEquals(3, dao.deleteBefore(T0.plusSeconds(3)));
                assertEquals(2, dao.countByUser(alice.id()));
            });
        }
    }
}
