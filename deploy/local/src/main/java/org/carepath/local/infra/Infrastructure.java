package org.carepath.local.infra;

import java.nio.file.Path;

/**
 * The broker and the MongoDB wire server the services need, with their data under one folder:
 * {@code <dataDir>/kafka} and {@code <dataDir>/mongodb}.
 */
public final class Infrastructure implements AutoCloseable {

    private final KafkaBroker kafka;
    private final MongoWireServer mongodb;

    private Infrastructure(KafkaBroker kafka, MongoWireServer mongodb) {
        this.kafka = kafka;
        this.mongodb = mongodb;
    }

    /** Starts MongoDB, then Kafka; if Kafka cannot start, MongoDB is stopped again before the error is thrown. */
    public static Infrastructure start(Path dataDir, InfraPorts ports) {
        MongoWireServer mongodb = MongoWireServer.start(mongoFolder(dataDir), ports.mongodb());
        try {
            KafkaBroker kafka = KafkaBroker.start(dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController());
            return new Infrastructure(kafka, mongodb);
        } catch (RuntimeException kafkaFailed) {
            mongodb.close();
            throw kafkaFailed;
        }
    }

    public static Path mongoFolder(Path dataDir) {
        return dataDir.resolve("mongodb");
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoUri() {
        return mongodb.connectionString();
    }

    /** Kafka first, so it lets go of its clients before MongoDB goes; both keep their data. */
    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            mongodb.close();
        }
    }
}
