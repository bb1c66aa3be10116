package org.carepath.local.store;

import de.bwaldvogel.mongo.backend.h2.BsonDocuments;
import de.bwaldvogel.mongo.bson.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a store the local stack kept in H2 ({@code carepath.mv}, before {@link LogStore}) into a new, empty
 * {@link LogStore} once, so local data outlives the change; the H2 file is then renamed {@code carepath.mv.imported}.
 */
public final class H2Import {

    static final String H2_FILE = "carepath.mv";
    private static final String DOCUMENTS_PREFIX = "databases.";
    private static final Logger log = LoggerFactory.getLogger(H2Import.class);

    private H2Import() {}

    /** Imports {@code folder/carepath.mv} when it is there and the store is empty. */
    public static void ifPresent(Path folder, LogStore store) {
        Path file = folder.resolve(H2_FILE);
        if (!Files.exists(file) || store.liveBytes() > 0) {
            return;
        }
        long documents = 0;
        MVStore h2 = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            for (String mapName : h2.getMapNames()) {
                if (mapName.startsWith(DOCUMENTS_PREFIX)) {
                    documents += copy(h2, mapName, store);
                }
            }
        } finally {
            h2.close();
        }
        try {
            Files.move(file, folder.resolve(H2_FILE + ".imported"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + file + " after importing it", e);
        }
        log.info("Imported {} documents from the H2 store {}", documents, file);
    }

    private static long copy(MVStore h2, String mapName, LogStore store) {
        String namespace = mapName.substring(DOCUMENTS_PREFIX.length());
        MVMap<Object, Document> documents =
                h2.openMap(mapName, new MVMap.Builder<Object, Document>().valueType(new BsonDocuments()));
        long number = 0;
        for (Map.Entry<Object, Document> document : documents.entrySet()) {
            number++;
            // H2 keyed a collection without an id field (the index descriptions) by random UUIDs; this store numbers
            // them
            Object position = document.getKey() instanceof UUID ? Long.valueOf(number) : document.getKey();
            store.put(namespace, position, StoredForm.document(document.getValue()));
        }
        return number;
    }
}
