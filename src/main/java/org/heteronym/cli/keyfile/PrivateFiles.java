package org.heteronym.cli.keyfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** Files that hold secrets (even encrypted): owner-only, fsynced, and never half-written. */
public final class PrivateFiles {

    private PrivateFiles() {
    }

    /** Writes {@code encoded} readable by the owner only, fsynced, atomically; refuses to replace unless asked. */
    public static void write(Path file, byte[] encoded, boolean replace, String what) throws KeyFileException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            FileAttribute<?>[] attrs = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attrs);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(encoded);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            if (replace) {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                try {
                    // A hard link fails if the target exists: an atomic create-if-absent.
                    Files.createLink(target, tmp);
                    Files.delete(tmp);
                } catch (FileAlreadyExistsException e) {
                    throw e;
                } catch (UnsupportedOperationException | FileSystemException e) {
                    Files.move(tmp, target);
                }
            }
            tmp = null;
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileException(file + " already exists; refusing to overwrite a key file");
        } catch (IOException e) {
            throw new KeyFileException("cannot write " + what + " " + file + ": " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: it holds only ciphertext
                }
            }
        }
    }
}
