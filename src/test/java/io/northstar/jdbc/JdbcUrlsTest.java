package io.northstar.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every form of credential a JDBC URL can hold stays out of what is shown, and reaches the driver properly. */
class JdbcUrlsTest {
    private static final String SECRET = "hunter2";

    /** Each URL, what may be shown of it, and its secret as a driver might echo it (decoded too). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:mariadb://root:hunter2@127.0.0.1:3306/db                      | jdbc:mariadb://127.0.0.1:3306/db           | hunter2
            jdbc:postgresql://bi:hunter2@db.example.com/analytics?ssl=true     | jdbc:postgresql://db.example.com/analytics | hunter2
            jdbc:mariadb://root:hun@ter2@127.0.0.1:3306/db                     | jdbc:mariadb://127.0.0.1:3306/db           | hun@ter2
            jdbc:mariadb://root:hunter2/x@127.0.0.1/db                         | jdbc:mariadb://127.0.0.1/db                | hunter2/x
            jdbc:mariadb://root:hunter2?x@127.0.0.1/db                         | jdbc:mariadb://127.0.0.1/db                | hunter2?x
            jdbc:mariadb://root:hunter2%40x@127.0.0.1/db                       | jdbc:mariadb://127.0.0.1/db                | hunter2@x
            jdbc:mysql:loadbalance://root:hunter2@h1,h2/db                     | jdbc:mysql:loadbalance://h1,h2/db          | hunter2
            jdbc:h2:tcp://sa:hunter2@localhost/~/bi                            | jdbc:h2:tcp://localhost/~/bi               | hunter2
            jdbc:oracle:thin:scott/hunter2@//db.example.com:1521/orcl          | jdbc:oracle:thin://db.example.com:1521/orcl | hunter2
            jdbc:postgresql://127.0.0.1/db?password=hunter2                    | jdbc:postgresql://127.0.0.1/db             | hunter2
            jdbc:postgresql://127.0.0.1/db?user=bi&password=hunter2&ssl=true   | jdbc:postgresql://127.0.0.1/db             | hunter2
            jdbc:postgresql://127.0.0.1/db?ssl=true&PassWord=hunter2           | jdbc:postgresql://127.0.0.1/db             | hunter2
            jdbc:postgresql://127.0.0.1/db?user=a@b.org&password=hunter2%21    | jdbc:postgresql://127.0.0.1/db             | hunter2!
            jdbc:h2:./bi;USER=sa;PASSWORD=hunter2                              | jdbc:h2:./bi                               | hunter2
            jdbc:sqlserver://db.example.com:1433;databaseName=x;pwd=hunter2    | jdbc:sqlserver://db.example.com:1433       | hunter2
            jdbc:mariadb://127.0.0.1/db?sslMode=trust&secret=hunter2           | jdbc:mariadb://127.0.0.1/db                | hunter2
            jdbc:mariadb://127.0.0.1/db?accessToken=hunter2                    | jdbc:mariadb://127.0.0.1/db                | hunter2
            jdbc:postgresql://127.0.0.1/db?sslpassword=hunter2                 | jdbc:postgresql://127.0.0.1/db             | hunter2
            """)
    void noFormOfCredentialIsShownAndADriverMessageEchoingItIsRedacted(String url, String shown, String secret) {
        assertThat(JdbcUrls.withoutCredentials(url)).isEqualTo(shown);
        assertThat(JdbcUrls.host(url)).doesNotContain(SECRET, "root", "scott");
        String echoed = "No suitable driver found for " + url + "; Incorrect port value : " + secret + "@127.0.0.1";
        assertThat(JdbcUrls.redact(echoed, url, null)).doesNotContain(SECRET, secret)
                .isEqualTo("No suitable driver found for " + shown + "; Incorrect port value : ****@127.0.0.1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://127.0.0.1/db             | FATAL: password authentication failed for user "bi" (hunter2)
            jdbc:postgresql://127.0.0.1/db?ssl=true    | No suitable driver found for jdbc:postgresql://127.0.0.1/db?ssl=true (hunter2)
            """)
    void thePasswordGivenOnItsOwnIsRedactedToo(String url, String message) {
        assertThat(JdbcUrls.redact(message, url, SECRET)).doesNotContain(SECRET, "ssl=true").endsWith("(****)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            jdbc:mariadb://root:hunter2@127.0.0.1:3306/db         | null | null   | jdbc:mariadb://127.0.0.1:3306/db          | root | hunter2
            jdbc:mariadb://root:p%40ss%3Aw%2Fd@127.0.0.1/db       | null | null   | jdbc:mariadb://127.0.0.1/db               | root | p@ss:w/d
            jdbc:mariadb://root:p@ss@127.0.0.1/db                 | null | null   | jdbc:mariadb://127.0.0.1/db               | root | p@ss
            jdbc:postgresql://bi@db.example.com/x                 | null | null   | jdbc:postgresql://db.example.com/x        | bi   | null
            jdbc:postgresql://bi:hunter2@db.example.com/x         | etl  | secret | jdbc:postgresql://db.example.com/x        | etl  | secret
            jdbc:postgresql://db.example.com/x?user=a@b.org       | null | null   | jdbc:postgresql://db.example.com/x?user=a@b.org | null | null
            jdbc:h2:/data/team@home/bi                            | sa   | null   | jdbc:h2:/data/team@home/bi                | sa   | null
            jdbc:mysql://root:hunter2@127.0.0.1:3306/db           | null | null   | jdbc:mysql://127.0.0.1:3306/db?permitMysqlScheme | root | hunter2
            jdbc:mysql://127.0.0.1:3306/db?useSSL=false           | u    | p      | jdbc:mysql://127.0.0.1:3306/db?useSSL=false&permitMysqlScheme | u | p
            """)
    void theDriverGetsUserInfoAsUserAndPasswordAndAMysqlUrlItCanTake(String url, String user, String password,
            String driverUrl, String driverUser, String driverPassword) {
        JdbcUrls.Login login = JdbcUrls.Login.of(url, user, password);
        assertThat(login.url()).isEqualTo(driverUrl);
        assertThat(login.user()).isEqualTo(driverUser);
        assertThat(login.password()).isEqualTo(driverPassword);
        assertThat(login.toString()).doesNotContain("hunter2", "secret");
    }
}
