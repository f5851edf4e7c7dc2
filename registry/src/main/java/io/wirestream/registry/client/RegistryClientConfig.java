package io.wirestream.registry.client;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of {@link HttpSchemaRegistryClient}. Keys carry Confluent's names where Confluent has them, so
 * one properties file configures Wirestream's and Confluent's clients alike.
 *
 * <p>Validation fails fast at construction with a {@link ConfigException} naming the key and what is
 * accepted. The {@code basic.auth.user.info} and truststore password are {@link Password}s: Kafka prints
 * them as {@code [hidden]} and this client never logs them or puts them in exception messages.
 */
public final class RegistryClientConfig extends AbstractConfig {

    public static final String URL_CONFIG = "schema.registry.url";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO_CONFIG = "basic.auth.user.info";
    public static final String REQUEST_TIMEOUT_MS_CONFIG = "schema.registry.request.timeout.ms";
    public static final String RETRIES_CONFIG = "schema.registry.retries";
    public static final String RETRY_BACKOFF_MS_CONFIG = "schema.registry.retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "schema.registry.retry.backoff.max.ms";
    public static final String MISSING_ID_CACHE_MS_CONFIG = "schema.registry.missing.id.cache.ms";
    public static final String SSL_TRUSTSTORE_LOCATION_CONFIG = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD_CONFIG = "schema.registry.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE_CONFIG = "schema.registry.ssl.truststore.type";

    /** Credentials come from {@code basic.auth.user.info}. */
    public static final String SOURCE_USER_INFO = "USER_INFO";
    /** Credentials come from the {@code user:password@} part of each URL (Confluent's default). */
    public static final String SOURCE_URL = "URL";

    private static final ConfigDef CONFIG_DEF = defineClientKeys(new ConfigDef(), true);

    public RegistryClientConfig(Map<?, ?> originals) {
        this(originals, true);
    }

    /**
     * @param doLog whether Kafka logs the values (passwords hidden); off when the map is a whole
     *              application's configuration passed down to a serde
     */
    public RegistryClientConfig(Map<?, ?> originals, boolean doLog) {
        super(CONFIG_DEF, originals, doLog);
        validateCrossFields(this);
    }

    /** The keys of this class, for documentation and tools. */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG_DEF);
    }

    /**
     * Adds the client keys to {@code def}, so that other configs (the serdes') accept and validate them.
     *
     * @param urlRequired whether {@code schema.registry.url} has no default; false for configs whose
     *                    owner may be given a ready client instead of a URL
     */
    public static ConfigDef defineClientKeys(ConfigDef def, boolean urlRequired) {
        return def
            .define(URL_CONFIG, Type.LIST, urlRequired ? ConfigDef.NO_DEFAULT_VALUE : List.of(),
                new UrlListValidator(), Importance.HIGH,
                "Comma-separated list of registry base URLs (http:// or https://), tried in order; the client "
                    + "falls over to the next on a connection failure. Credentials in a URL "
                    + "(http://user:password@host) are used when " + BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG
                    + " is URL.")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG, Type.STRING, SOURCE_URL,
                ConfigDef.CaseInsensitiveValidString.in(SOURCE_USER_INFO, SOURCE_URL), Importance.MEDIUM,
                "Where HTTP basic-auth credentials come from: USER_INFO (" + BASIC_AUTH_USER_INFO_CONFIG
                    + ") or URL (the user-info part of each URL; no authentication if absent).")
            .define(BASIC_AUTH_USER_INFO_CONFIG, Type.PASSWORD, null, Importance.MEDIUM,
                "Basic-auth credentials as user:password; required when " + BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG
                    + " is USER_INFO. Never logged.")
            .define(REQUEST_TIMEOUT_MS_CONFIG, Type.INT, 30_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                "Time limit of one HTTP request (connecting and waiting for the answer), in milliseconds.")
            .define(RETRIES_CONFIG, Type.INT, 3, ConfigDef.Range.between(0, 100), Importance.LOW,
                "How many times a request is retried after a connection failure, a timeout, an HTTP 5xx or "
                    + "an HTTP 429. Other 4xx answers are never retried.")
            .define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, 100L, ConfigDef.Range.atLeast(0), Importance.LOW,
                "Wait before the first retry, in milliseconds; doubled on each further retry (with 20% jitter).")
            .define(RETRY_BACKOFF_MAX_MS_CONFIG, Type.LONG, 5_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                "Upper bound of the wait between retries, in milliseconds; at least "
                    + RETRY_BACKOFF_MS_CONFIG + ".")
            .define(MISSING_ID_CACHE_MS_CONFIG, Type.LONG, 30_000L, ConfigDef.Range.between(0, 3_600_000), Importance.LOW,
                "How long the answer 'schema id not found' is remembered, in milliseconds, so that records "
                    + "carrying an unknown id do not each cost a request; 0 asks every time.")
            .define(SSL_TRUSTSTORE_LOCATION_CONFIG, Type.STRING, null, Importance.LOW,
                "Truststore file used to verify https registries; the JVM's default trust when unset.")
            .define(SSL_TRUSTSTORE_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.LOW,
                "Password of the truststore file, if it has one.")
            .define(SSL_TRUSTSTORE_TYPE_CONFIG, Type.STRING, "JKS",
                ConfigDef.CaseInsensitiveValidString.in("JKS", "PKCS12"), Importance.LOW,
                "Format of the truststore file: JKS or PKCS12.");
    }

    /** Checks between keys that {@link ConfigDef} cannot express; shared with configs that embed these keys. */
    public static void validateCrossFields(AbstractConfig config) {
        String source = config.getString(BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG).toUpperCase(Locale.ROOT);
        Password userInfo = config.getPassword(BASIC_AUTH_USER_INFO_CONFIG);
        if (SOURCE_USER_INFO.equals(source)) {
            if (userInfo == null || userInfo.value().isEmpty()) {
                throw new ConfigException(BASIC_AUTH_USER_INFO_CONFIG + " is required when "
                    + BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG + " is USER_INFO");
            }
            if (userInfo.value().indexOf(':') < 1) {
                throw new ConfigException(BASIC_AUTH_USER_INFO_CONFIG + " must have the form user:password "
                    + "(the value, hidden here, has no ':' after a non-empty user name)");
            }
        }
        long backoff = config.getLong(RETRY_BACKOFF_MS_CONFIG);
        long max = config.getLong(RETRY_BACKOFF_MAX_MS_CONFIG);
        if (max < backoff) {
            throw new ConfigException(RETRY_BACKOFF_MAX_MS_CONFIG, max,
                "must be at least " + RETRY_BACKOFF_MS_CONFIG + " (" + backoff + ")");
        }
    }

    /** The registry URLs in configured order, as given (they may carry user info). */
    public List<URI> urls() {
        return getList(URL_CONFIG).stream().map(String::trim).map(URI::create).toList();
    }

    public boolean credentialsFromUserInfo() {
        return SOURCE_USER_INFO.equalsIgnoreCase(getString(BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG));
    }

    /** {@code user:password} when the credentials source is USER_INFO. */
    public Optional<String> userInfo() {
        Password p = getPassword(BASIC_AUTH_USER_INFO_CONFIG);
        return credentialsFromUserInfo() && p != null ? Optional.of(p.value()) : Optional.empty();
    }

    public Duration requestTimeout() {
        return Duration.ofMillis(getInt(REQUEST_TIMEOUT_MS_CONFIG));
    }

    public int retries() {
        return getInt(RETRIES_CONFIG);
    }

    public long retryBackoffMs() {
        return getLong(RETRY_BACKOFF_MS_CONFIG);
    }

    public long retryBackoffMaxMs() {
        return getLong(RETRY_BACKOFF_MAX_MS_CONFIG);
    }

    public Duration missingIdCacheTime() {
        return Duration.ofMillis(getLong(MISSING_ID_CACHE_MS_CONFIG));
    }

    public Optional<String> truststoreLocation() {
        return Optional.ofNullable(getString(SSL_TRUSTSTORE_LOCATION_CONFIG)).filter(s -> !s.isBlank());
    }

    /** The truststore password, or null. */
    public char[] truststorePassword() {
        Password p = getPassword(SSL_TRUSTSTORE_PASSWORD_CONFIG);
        return p == null ? null : p.value().toCharArray();
    }

    public String truststoreType() {
        return getString(SSL_TRUSTSTORE_TYPE_CONFIG).toUpperCase(Locale.ROOT);
    }

    /** Accepts a list of absolute http/https URLs with a host; the empty list is left to "required" checks. */
    static final class UrlListValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return;
            }
            for (Object o : (List<?>) value) {
                String s = String.valueOf(o).trim();
                URI uri;
                try {
                    uri = new URI(s);
                } catch (URISyntaxException e) {
                    throw new ConfigException(name, redact(s), "is not a valid URL: " + e.getReason()
                        + "; expected a comma-separated list of http:// or https:// URLs");
                }
                String scheme = uri.getScheme();
                if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                    throw new ConfigException(name, redact(s), "has scheme " + (scheme == null ? "(none)" : scheme)
                        + "; only http:// and https:// URLs are accepted");
                }
                if (uri.getHost() == null) {
                    throw new ConfigException(name, redact(s),
                        "has no host name; expected for example http://localhost:8081");
                }
                if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                    throw new ConfigException(name, redact(s),
                        "must be a base URL without query or fragment, for example https://registry:8081/");
                }
            }
        }

        @Override
        public String toString() {
            return "comma-separated list of http:// or https:// URLs";
        }

        /** Hides the password of a {@code user:password@} part, so it cannot reach an exception message. */
        private static String redact(String url) {
            return url.replaceAll("//[^/@]*@", "//[hidden]@");
        }
    }
}
