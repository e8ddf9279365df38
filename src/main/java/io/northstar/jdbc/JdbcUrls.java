package io.northstar.jdbc;

/** JDBC URLs as they may be shown: without user info or parameters that can carry a password. */
public final class JdbcUrls {
    private JdbcUrls() {
    }

    /** Drops {@code ?...} and {@code ;...} parameters and {@code user:password@} from a URL. */
    public static String withoutCredentials(String url) {
        int query = url.indexOf('?');
        int semicolon = url.indexOf(';');
        int cut = query < 0 ? semicolon : semicolon < 0 ? query : Math.min(query, semicolon);
        String base = cut < 0 ? url : url.substring(0, cut);
        return base.replaceAll("//[^/@]*@", "//");
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

    /** A driver's message with the password and the full URL taken out: drivers sometimes echo them. */
    public static String redact(String message, String url, String password) {
        String text = message == null ? "" : message;
        if (password != null && !password.isEmpty()) {
            text = text.replace(password, "****");
        }
        return text.replace(url, withoutCredentials(url));
    }
}
