package dev.restauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.time.Duration;

class RateTest {
    @Test
    void allauthsSpellingsParse() {
        assertEquals(new Rate(30, Duration.ofMinutes(1)), Rate.parse("30/m"));
        assertEquals(new Rate(5, Duration.ofMinutes(5)), Rate.parse("5/5m"));
        assertEquals(new Rate(1, Duration.ofMinutes(3)), Rate.parse("1/3m"));
        assertEquals(new Rate(20, Duration.ofHours(1)), Rate.parse("20/h"));
        assertEquals(new Rate(100, Duration.ofDays(2)), Rate.parse("100/2d"));
        assertEquals(new Rate(3, Duration.ofSeconds(10)), Rate.parse(" 3/10S "));
    }

    @Test
    void offTurnsOneLimitOff() {
        assertEquals(Rate.OFF, Rate.parse("off"));
        assertFalse(Rate.parse("OFF").on());
    }

    @Test
    void aRatePrintsAsItIsWritten() {
        for (String written : new String[] {"30/m", "5/5m", "1/3m", "20/h", "100/2d", "3/10s", "7/s", "off", "2/90s"}) {
            assertEquals(written, Rate.parse(written).toString());
        }
    }

    @Test
    void anythingElseIsRefusedWithTheFormatNamed() {
        for (String wrong : new String[] {"", "30", "30/min", "/m", "0/m", "5/0m", "-1/m", "5/m,10/h", "x/m"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rate.parse(wrong), wrong);
            assertFalse(e.getMessage().isEmpty());
        }
        SettingsException setting = assertThrows(SettingsException.class,
                () -> Settings.builder().set("throttle_login", "30 per minute"));
        assertEquals("setting 'throttle_login': '30 per minute' is not valid: expected <count>/<period> such as "
                + "30/m or 5/5m (s, m, h, d), or off", setting.getMessage());
    }

    @Test
    void theDefaultsAreAllauths() {
        Settings settings = Settings.defaults();
        assertEquals(true, settings.get(Settings.THROTTLE_ENABLED));
        assertEquals("30/m", settings.get(Settings.THROTTLE_LOGIN).toString());
        assertEquals("5/5m", settings.get(Settings.THROTTLE_LOGIN_FAILED).toString());
        assertEquals("20/h", settings.get(Settings.THROTTLE_LOGIN_LOCKOUT).toString());
        assertEquals("20/m", settings.get(Settings.THROTTLE_SIGNUP).toString());
        assertEquals("20/m", settings.get(Settings.THROTTLE_PASSWORD_RESET).toString());
        assertEquals("5/m", settings.get(Settings.THROTTLE_PASSWORD_RESET_EMAIL).toString());
        assertEquals("20/m", settings.get(Settings.THROTTLE_PASSWORD_RESET_CONFIRM).toString());
        assertEquals("5/5m", settings.get(Settings.THROTTLE_PASSWORD_RESET_CONFIRM_FAILED).toString());
        assertEquals("5/5m", settings.get(Settings.THROTTLE_PASSWORD_CHANGE_FAILED).toString());
        assertEquals("1/3m", settings.get(Settings.THROTTLE_CONFIRMATION_EMAIL).toString());
        assertEquals(0, settings.get(Settings.TRUSTED_PROXIES));
        assertEquals(false, settings.get(Settings.PREVENT_ENUMERATION));
    }
}
