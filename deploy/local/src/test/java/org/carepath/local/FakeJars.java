package org.carepath.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes stand-in service jars where ServiceFleet looks for the real ones: a manifest pointing at test classes. */
final class FakeJars {

    private FakeJars() {}

    /** Every service answers like {@link FakeService}. */
    static Path projectWithHealthyServices(Path root) {
        for (CarepathService service : CarepathService.values()) {
            write(root, service, FakeService.class);
        }
        return root;
    }

    static Path projectWith(Path root, CarepathService odd, Class<?> oddMain) {
        projectWithHealthyServices(root);
        write(root, odd, oddMain);
        return root;
    }

    private static void write(Path root, CarepathService service, Class<?> main) {
        Path jar = service.jar(root);
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, main.getName());
        // Class-Path entries are relative to the jar's folder.
        attributes.put(Attributes.Name.CLASS_PATH, jar.getParent().relativize(testClasses()) + "/");
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                out.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path testClasses() {
        try {
            return Path.of(FakeService.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
