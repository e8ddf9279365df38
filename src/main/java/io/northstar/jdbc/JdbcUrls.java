package io.northstar.jdbc;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that knows where a JDBC URL can hold a credential: user-info
 * ({@code //user:password@host}, Oracle's {@code user/password@}) and parameters whose key
 * names a secret ({@code ?password=}, {@code &pwd=}, {@code ;PASSWORD=}, {@code token=}...,
 * in any case). Every URL that is printed, logged, put in a message or stored goes through
 * {@link #withoutCredentials}; every driver message through {@link #redact}.
 */
public final class JdbcUrls {
    /** {@code jdbc:<driver>:}, a sub-protocol ({@code tcp:}, {@code thin:}, {@code loadbalance:}) and {@code //}. */
    private static final Pattern PREFIX = Pattern.compile("(?i)jdbc:[a-z0-9]+:(?:[a-z0-9]+:)?(?://)?");
    /** A parameter inside what looked like user-info: then the '@' belongs to a parameter's value. */
    private static final Pattern PARAMETER = Pattern.compile("[?;&#][^=?;&#]*=");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)[?;&]\\s*[a-z0-9_.-]*(?:password|passwd|pwd|secret|token|credential|apikey|api_key|accesskey"
                    + "|access_key|privatekey|private_key)[a-z0-9_.-]*\\s*=([^;&]*)");
    private static final String MYSQL = "jdbc:mysql:";
    /** The MariaDB driver takes jdbc:mysql: URLs only with this parameter (Connector/J 3). */
    static final String PERMIT_MYSQL_SCHEME = "permitMysqlScheme";
    private static final String MASK = "****";

    private JdbcUrls() {
    }

    /**
     * What to give the driver: the URL without user-info, the user and the password. Neither
     * driver reads user-info (MariaDB takes {@code hunter2@127.0.0.1} for a port and says so),
     * so it is moved into the user and password, percent-decoded; a user or password given
     * on its own wins over the URL's. A {@code jdbc:mysql:} URL gets the parameter that lets
     * the MariaDB driver take it.
     */
    public record Login(String url, String user, String password) {
        public Login {
            requireNonNull(url, "url is null");
        }

        public static Login of(String url, String user, String password) {
            requireNonNull(url, "url is null");
            int[] userInfo = userInfo(url, true);
            String driverUrl = url;
            if (userInfo != null) {
                String info = url.substring(userInfo[0], userInfo[1]);
                int colon = info.indexOf(':');
                String infoUser = decode(colon < 0 ? info : info.substring(0, colon));
                String infoPassword = colon < 0 ? null : decode(info.substring(colon + 1));
                user = user != null ? user : infoUser.isEmpty() ? null : infoUser;
                password = password != null ? password : infoPassword;
                driverUrl = url.substring(0, userInfo[0]) + url.substring(userInfo[1] + 1);
            }
            if (driverUrl.toLowerCase(Locale.ROOT).startsWith(MYSQL) && !driverUrl.contains(PERMIT_MYSQL_SCHEME)) {
                driverUrl = driverUrl + (driverUrl.indexOf('?') < 0 ? '?' : '&') + PERMIT_MYSQL_SCHEME;
            }
            return new Login(driverUrl, user, password);
        }

        @Override
        public String toString() {
            return "Login[" + withoutCredentials(url) + ", user " + user + "]";
        }
    }

    /**
     * The URL as it may be shown: user-info and every parameter ({@code ?...}, {@code ;...})
     * left out, since a parameter of any name may carry a secret.
     */
    public static String withoutCredentials(String url) {
        String shown = url;
        int[] userInfo = userInfo(shown, false);
        if (userInfo != null) {
            shown = shown.substring(0, userInfo[0]) + shown.substring(userInfo[1] + 1);
        }
        int query = shown.indexOf('?');
        int semicolon = shown.indexOf(';');
        int cut = query < 0 ? semicolon : semicolon < 0 ? query : Math.min(query, semicolon);
        return cut < 0 ? shown : shown.substring(0, cut);
    }

    /** The host and port of a server URL (for messages), or the URL itself without credentials. */
    public static String host(String url) {
        String safe = withoutCredentials(url);
        int slashes = safe.indexOf("//");
        if (slashes < 0) {
            return safe;
        }
        int end = safe.indexOf('/', slashes + 2);
        return end < 0 ? safe.substring(slashes + 2) : safe.substring(slashes + 2, end);
    }

    /**
     * A driver's message without the URL's credentials or the password: drivers echo the whole
     * URL ("No suitable driver found for ...") or parts of it ("Incorrect port value : ...").
     */
    public static String redact(String message, String url, String password) {
        String text = message == null ? "" : message;
        // the whole URL first: once its secrets are masked it would no longer match
        text = text.replace(url, withoutCredentials(url));
        Set<String> secrets = secrets(url);
        if (password != null) {
            secrets.add(password);
        }
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                text = text.replace(secret, MASK);
            }
        }
        return text;
    }

    /** Every credential the URL holds, as written and percent-decoded. */
    static Set<String> secrets(String url) {
        Set<String> secrets = new LinkedHashSet<>();
        int[] userInfo = userInfo(url, false);
        if (userInfo != null) {
            String info = url.substring(userInfo[0], userInfo[1]);
            int separator = info.indexOf(':') >= 0 ? info.indexOf(':') : info.indexOf('/');
            if (separator >= 0) {
                addBothForms(secrets, info.substring(separator + 1));
            }
        }
        Matcher parameter = SECRET_PARAMETER.matcher(url);
        while (parameter.find()) {
            addBothForms(secrets, parameter.group(1).strip());
        }
        return secrets;
    }

    private static void addBothForms(Set<String> secrets, String secret) {
        secrets.add(secret);
        secrets.add(decode(secret));
    }

    /**
     * Where the user-info is: {start, index of its '@'}, or null. It ends at the last '@'
     * before the host's end, so a password may hold an '@' (or a ':'); an '@' that follows a
     * parameter ({@code ?user=a@b.org}) is the parameter's. {@code strict} is for the URL
     * the driver gets: user-info only after {@code //} and without a '/' (as RFC 3986 says),
     * so that an '@' in a path stays; otherwise, for what is shown, anything that may be
     * user-info is taken for it (a password with a '/', Oracle's {@code user/password@}).
     */
    private static int[] userInfo(String url, boolean strict) {
        Matcher prefix = PREFIX.matcher(url);
        if (!prefix.lookingAt() || (strict && !prefix.group().endsWith("//"))) {
            return null;
        }
        int start = prefix.end();
        int first = url.indexOf('@', start);
        if (first < 0) {
            return null;
        }
        int hostEnd = first + 1;
        while (hostEnd < url.length() && "/?;#".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        int at = url.lastIndexOf('@', hostEnd - 1);
        String info = url.substring(start, at);
        if (info.isEmpty() || PARAMETER.matcher(info).find() || (strict && info.indexOf('/') >= 0)) {
            return null;
        }
        return new int[] {start, at};
    }

    /** Percent-decodes UTF-8 ({@code p%40ss} is {@code p@ss}); a '+' stays a '+', as in user-info. */
    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder decoded = new StringBuilder();
        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '%' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                escaped.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                decoded.append(escaped.toString(StandardCharsets.UTF_8)).append(text.charAt(i));
                escaped.reset();
            }
        }
        return decoded.append(escaped.toString(StandardCharsets.UTF_8)).toString();
    }
}
