package io.wirestream.registry.client;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegistryClientConfigTest {

    @Test
    void shouldApplyConfluentDefaults() {
        RegistryClientConfig config = new RegistryClientConfig(Map.of("schema.registry.url", "http://a:8081, https://b:8082"));
        assertEquals(List.of(URI.create("http://a:8081"), URI.create("https://b:8082")), config.urls());
        assertEquals(3, config.retries());
        assertEquals(Duration.ofSeconds(30), config.requestTimeout());
        assertFalse(config.credentialsFromUserInfo());
    }

    @Test
    void shouldRequireTheUrl() {
        ConfigException e = assertThrows(ConfigException.class, () -> new RegistryClientConfig(Map.of()));
        assertEquals("Missing required configuration \"schema.registry.url\" which has no default value.", e.getMessage());
    }

    @Test
    void shouldRefuseAnotherScheme() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> new RegistryClientConfig(Map.of("schema.registry.url", "http://ok:8081,ftp://registry:21")));
        assertEquals("Invalid value ftp://registry:21 for configuration schema.registry.url: has scheme ftp; "
            + "only http:// and https:// URLs are accepted", e.getMessage());
    }

    @Test
    void shouldRefuseAMalformedUrl() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> new RegistryClientConfig(Map.of("schema.registry.url", "http://bad host:8081")));
        assertEquals("Invalid value http://bad host:8081 for configuration schema.registry.url: is not a valid URL: "
            + "Illegal character in authority; expected a comma-separated list of http:// or https:// URLs", e.getMessage());
    }

    @Test
    void shouldRefuseAUrlWithoutHost() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> new RegistryClientConfig(Map.of("schema.registry.url", "localhost:8081")));
        assertEquals("Invalid value localhost:8081 for configuration schema.registry.url: has scheme localhost; "
            + "only http:// and https:// URLs are accepted", e.getMessage());
    }

    @Test
    void shouldHideThePasswordOfAnInvalidUrl() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> new RegistryClientConfig(Map.of("schema.registry.url", "ftp://joe:s3cret@registry:21")));
        assertEquals("Invalid value ftp://[hidden]@registry:21 for configuration schema.registry.url: has scheme ftp; "
            + "only http:// and https:// URLs are accepted", e.getMessage());
    }

    @Test
    void shouldRequireUserInfoForTheUserInfoSource() {
        ConfigException e = assertThrows(ConfigException.class, () -> new RegistryClientConfig(Map.of(
            "schema.registry.url", "http://a:8081", "basic.auth.credentials.source", "USER_INFO")));
        assertEquals("basic.auth.user.info is required when basic.auth.credentials.source is USER_INFO", e.getMessage());
    }

    @Test
    void shouldRequireUserColonPasswordWithoutEchoingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> new RegistryClientConfig(Map.of(
            "schema.registry.url", "http://a:8081", "basic.auth.credentials.source", "USER_INFO",
            "basic.auth.user.info", "joe-without-colon")));
        assertEquals("basic.auth.user.info must have the form user:password (the value, hidden here, has no ':' "
            + "after a non-empty user name)", e.getMessage());
    }

    @Test
    void shouldRefuseAnUnknownCredentialsSource() {
        ConfigException e = assertThrows(ConfigException.class, () -> new RegistryClientConfig(Map.of(
            "schema.registry.url", "http://a:8081", "basic.auth.credentials.source", "SASL_INHERIT")));
        assertEquals("Invalid value SASL_INHERIT for configuration basic.auth.credentials.source: "
            + "String must be one of (case insensitive): USER_INFO, URL", e.getMessage());
    }

    @Test
    void shouldRefuseABackoffCapBelowTheBackoff() {
        ConfigException e = assertThrows(ConfigException.class, () -> new RegistryClientConfig(Map.of(
            "schema.registry.url", "http://a:8081", "schema.registry.retry.backoff.ms", "500",
            "schema.registry.retry.backoff.max.ms", "100")));
        assertEquals("Invalid value 100 for configuration schema.registry.retry.backoff.max.ms: "
            + "must be at least schema.registry.retry.backoff.ms (500)", e.getMessage());
    }

    @Test
    void shouldRefuseNegativeRetries() {
        ConfigException e = assertThrows(ConfigException.class, () -> new RegistryClientConfig(Map.of(
            "schema.registry.url", "http://a:8081", "schema.registry.retries", "-1")));
        assertEquals("Invalid value -1 for configuration schema.registry.retries: Value must be at least 0",
            e.getMessage());
    }
}
