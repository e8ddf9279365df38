package io.northstar.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders on the local disk (reports, scratch, generated data), outside the lake's filesystem. */
public final class LocalFolders {
    private LocalFolders() {
    }

    /** Deletes the folder and everything in it, the deepest entries first; a missing folder is fine. */
    public static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
