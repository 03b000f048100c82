package org.lhs.qi.export;

import java.nio.file.Path;

/** A file written atomically, with the SHA-256 and size of exactly the bytes written. */
public record WrittenFile(String kind, Path path, String sha256, long sizeBytes) {}
