package io.northstar.sample;

/** Fast, locale-free number formatting for generated CSV (the same bytes on every machine). */
final class Fmt {
    private Fmt() {
    }

    /** Cents as a decimal amount: 123456 → "1234.56", -5 → "-0.05". */
    static String money(long cents) {
        long abs = Math.abs(cents);
        long units = abs / 100;
        long rest = abs % 100;
        return (cents < 0 ? "-" : "") + units + (rest < 10 ? ".0" : ".") + rest;
    }

    /** A whole amount of money rounded to cents. */
    static String money(double amount) {
        return money(Math.round(amount * 100));
    }

    /** A number with a fixed count of decimals (0 to 4), rounded half away from zero. */
    static String num(double value, int decimals) {
        long scale = (long) Math.pow(10, decimals);
        long scaled = Math.round(Math.abs(value) * scale);
        String sign = value < 0 && scaled != 0 ? "-" : "";
        if (decimals == 0) {
            return sign + scaled;
        }
        String fraction = Long.toString(scaled % scale);
        return sign + (scaled / scale) + "." + "0".repeat(decimals - fraction.length()) + fraction;
    }
}
