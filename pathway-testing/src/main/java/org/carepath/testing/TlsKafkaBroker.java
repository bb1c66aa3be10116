package org.carepath.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A KRaft broker of its own whose client listener speaks TLS only, with a certificate generated for this run by the
 * JDK's {@code keytool} (a self-signed key pair for {@code localhost}/{@code 127.0.0.1}, and a trust store holding
 * it): the transport test of issue 9, proving a service runs against a broker with TLS by configuration alone.
 */
public final class TlsKafkaBroker implements AutoCloseable {

    public static final String PASSWORD = "test-only-store-password";

    private final Path folder;
    private final Path keyStore;
    private final Path trustStore;
    private final EmbeddedKafkaKraftBroker broker;

    private TlsKafkaBroker(Path folder) {
        this.folder = folder;
        this.keyStore = folder.resolve("broker.p12");
        this.trustStore = folder.resolve("truststore.p12");
        Path certificate = folder.resolve("broker.crt");
        keytool(
                "-genkeypair",
                "-alias",
                "broker",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-alias",
                "broker",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                certificate.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "broker",
                "-file",
                certificate.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                trustStore.toString(),
                "-storepass",
                PASSWORD);
        broker = new EmbeddedKafkaKraftBroker(1, TestInfrastructure.PARTITIONS);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("num.partitions", String.valueOf(TestInfrastructure.PARTITIONS));
        broker.brokerProperty("listener.security.protocol.map", "EXTERNAL:SSL,CONTROLLER:PLAINTEXT");
        broker.brokerProperty("ssl.keystore.type", "PKCS12");
        broker.brokerProperty("ssl.keystore.location", keyStore.toString());
        broker.brokerProperty("ssl.keystore.password", PASSWORD);
        broker.brokerProperty("ssl.key.password", PASSWORD);
        broker.brokerProperty("ssl.truststore.type", "PKCS12");
        broker.brokerProperty("ssl.truststore.location", trustStore.toString());
        broker.brokerProperty("ssl.truststore.password", PASSWORD);
        broker.afterPropertiesSet();
    }

    public static TlsKafkaBroker start() {
        try {
            return new TlsKafkaBroker(Files.createTempDirectory("carepath-tls-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    public Path trustStore() {
        return trustStore;
    }

    /** What a Kafka client needs to reach this broker: TLS, trusting its certificate, checking its host name. */
    public Map<String, Object> clientProperties() {
        return Map.of(
                "bootstrap.servers",
                bootstrapServers(),
                "security.protocol",
                "SSL",
                "ssl.truststore.type",
                "PKCS12",
                "ssl.truststore.location",
                trustStore.toString(),
                "ssl.truststore.password",
                PASSWORD);
    }

    @Override
    public void close() throws IOException {
        broker.destroy();
        try (var files = Files.walk(folder)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    private static void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
