package io.northstar.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The EMAIL type: an RFC 5322 addr-spec, what an SMTP server takes in RCPT TO (SPEC.md §6). */
class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"ceo@example.com", "first.last+tag@sub.example.co.uk", "o'brien@example.ie",
        "\"john doe\"@example.com", "\"a\\\"b\"@example.com", "ops@[192.0.2.1]", "x@localhost",
        "!#$%&'*+/=?^_`{|}~-@example.com"})
    void anAddrSpecIsKeptAsWritten(String address) throws BadValueException {
        assertThat(ValueParsers.parse(ColumnType.EMAIL, address)).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not an address", "two@@example.com", "Ann <ann@example.com>", "dot.@example.com",
        ".dot@example.com", "a..b@example.com", "@example.com", "ann@", "ann@exa mple.com", "ann@.example.com",
        "ann(comment)@example.com", "\"unterminated@example.com"})
    void anythingElseIsABadType(String address) {
        assertThatThrownBy(() -> ValueParsers.parse(ColumnType.EMAIL, address)).isInstanceOf(BadValueException.class)
                .hasMessageContaining("is not an e-mail address");
    }

    @org.junit.jupiter.api.Test
    void theLengthLimitsOfSmtpApply() throws BadValueException {
        String local = "a".repeat(64);
        assertThat(ValueParsers.parse(ColumnType.EMAIL, local + "@example.com")).isEqualTo(local + "@example.com");
        assertThatThrownBy(() -> ValueParsers.parse(ColumnType.EMAIL, local + "a@example.com"))
                .isInstanceOf(BadValueException.class);
        String longDomain = "a@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + "." + "e".repeat(61);
        assertThatThrownBy(() -> ValueParsers.parse(ColumnType.EMAIL, longDomain)).isInstanceOf(BadValueException.class);
    }
}
