package io.northstar.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only failures a retry may cure are retried; the waits double up to a cap. */
class RetryTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            08001 | Connection to 127.0.0.1:9 refused                               | TRANSIENT
            08000 | Socket fail to connect to 127.0.0.1:9. Connection refused       | TRANSIENT
            08006 | An I/O error occurred while sending to the backend              | TRANSIENT
            57P01 | FATAL: terminating connection due to administrator command      | TRANSIENT
            40001 | could not serialize access due to concurrent update             | TRANSIENT
            null  | Connection reset                                                | TRANSIENT
            08001 | No suitable driver found for jdbc:mysql://127.0.0.1/db          | CONFIGURATION
            28000 | Access denied for user 'root'@'127.0.0.1' (using password: YES) | CONFIGURATION
            28P01 | FATAL: password authentication failed for user "bi"             | CONFIGURATION
            3D000 | FATAL: database "nosuchdb" does not exist                       | CONFIGURATION
            42000 | Unknown database 'nosuchdb'                                     | CONFIGURATION
            42P01 | ERROR: relation "kpis" does not exist                           | CONFIGURATION
            22021 | ERROR: invalid byte sequence for encoding "UTF8": 0x00          | REJECTED
            22001 | Data too long for column 'detail' at row 1                      | REJECTED
            23505 | duplicate key value violates unique constraint                  | REJECTED
            """)
    void aFailureIsClassifiedByItsSqlState(String state, String message, JdbcFailure expected) {
        SQLException failure = new SQLException(message, state);
        assertThat(JdbcFailure.of(failure)).isEqualTo(expected);
        // Spark rethrows the driver's exception wrapped, and a batch wraps the statement's
        assertThat(JdbcFailure.of(new RuntimeException("Job aborted", new BatchUpdateException(message, state,
                new int[0], failure)))).isEqualTo(expected);
    }

    @Test
    void aNetworkFailureWithoutSqlStateIsTransient() {
        assertThat(JdbcFailure.of(new RuntimeException(new ConnectException("Connection refused"))))
                .isEqualTo(JdbcFailure.TRANSIENT);
    }

    @Test
    void aTransientFailureIsTriedRetriesPlusOneTimes() {
        int[] attempts = {0};
        assertThatThrownBy(() -> new Retry(2, Duration.ZERO).run(() -> {
            attempts[0]++;
            throw new SQLException("Connection refused", "08001");
        })).isInstanceOfSatisfying(Retry.FailedException.class, e -> {
            assertThat(e.attempts()).isEqualTo("3 attempts");
            assertThat(e.kind()).isEqualTo(JdbcFailure.TRANSIENT);
            assertThat(e.advice()).isEmpty();
        });
        assertThat(attempts[0]).isEqualTo(3);
    }

    @Test
    void aTransientFailureThenSuccessReturnsTheResult() throws Exception {
        int[] attempts = {0};
        String result = new Retry(3, Duration.ZERO).run(() -> {
            if (attempts[0]++ == 0) {
                throw new SQLException("Connection reset", "08006");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(attempts[0]).isEqualTo(2);
    }

    @Test
    void aWrongPasswordOrARejectedValueFailsAtTheFirstAttempt() {
        for (SQLException failure : new SQLException[] {new SQLException("Access denied", "28000"),
                new SQLException("No suitable driver found for jdbc:mysql://x/db", "08001"),
                new SQLException("invalid byte sequence", "22021")}) {
            int[] attempts = {0};
            assertThatThrownBy(() -> new Retry(5, Duration.ofHours(1)).run(() -> {
                attempts[0]++;
                throw new RuntimeException(failure);
            })).isInstanceOfSatisfying(Retry.FailedException.class, e -> {
                assertThat(e.attempts()).isEqualTo("1 attempt");
                assertThat(e.kind().isTransient()).isFalse();
                assertThat(e.advice()).contains("not retried");
                assertThat(e.rootMessage()).isEqualTo(failure.getMessage());
            });
            assertThat(attempts[0]).as(failure.getMessage()).isEqualTo(1);
        }
    }

    @Test
    void theWaitDoublesFromTheBackoffUpToFiveMinutes() {
        Retry retry = new Retry(100, Duration.ofSeconds(2));
        assertThat(retry.wait(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retry.wait(1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(retry.wait(6)).isEqualTo(Duration.ofSeconds(128));
        assertThat(retry.wait(7)).isEqualTo(Duration.ofSeconds(256));
        assertThat(retry.wait(8)).isEqualTo(Retry.MAX_WAIT);
        assertThat(retry.wait(99)).isEqualTo(Retry.MAX_WAIT);
        assertThat(new Retry(1, Duration.ofDays(1)).wait(0)).isEqualTo(Retry.MAX_WAIT);
        assertThat(new Retry(1, Duration.ZERO).wait(50)).isEqualTo(Duration.ZERO);
    }
}
