package org.heteronym.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs an unpacked image's entry point the way a container runtime does, with util-linux alone (no engine): in a
 * mount namespace of its own, the root filesystem bind-mounted read-only with /proc, /dev, the host's /etc/hosts and
 * /etc/resolv.conf, a size-limited tmpfs and the given volumes mounted on it, then chroot to it, change to the working
 * directory, drop to the image's user and group (which drops every capability) and exec the entry point, found on the
 * image's PATH. The network is the host's, so that the service reaches the local PostgreSQL. Needs root.
 */
record LocalContainer(ImageArchive image, Map<String, String> environment, List<Volume> volumes) {

    /** A host directory mounted at {@code target}, or a tmpfs of {@code tmpfsSize} when {@code source} is null. */
    record Volume(Path source, String target, boolean readOnly, String tmpfsSize) {

        static Volume bind(Path source, String target, boolean readOnly) {
            return new Volume(source, target, readOnly, null);
        }

        static Volume tmpfs(String target, String size) {
            return new Volume(null, target, false, size);
        }
    }

    private static final String SETUP = """
            set -eu
            root=$1 workdir=$2 user=$3 group=$4
            shift 4
            mount --bind "$root" "$root"
            mount -t proc proc "$root/proc"
            mount --rbind /dev "$root/dev"
            mount --bind /etc/hosts "$root/etc/hosts"
            mount --bind /etc/resolv.conf "$root/etc/resolv.conf"
            while [ "$1" != -- ]; do
              if [ "$1" = tmpfs ]; then
                mount -t tmpfs -o "size=$4,mode=1777" tmpfs "$root$2"
              else
                mount --bind "$1" "$root$2"
                if [ "$3" = ro ]; then mount -o remount,bind,ro "$root$2"; fi
              fi
              shift 4
            done
            shift
            mount -o remount,bind,ro "$root"
            exec unshare --root="$root" --wd="$workdir" --setgid "$group" --setuid "$user" -- "$@"
            """;

    /** Starts the entry point and command; output (both streams) goes to {@code log}. */
    Process start(Path log) throws IOException {
        Path root = image.rootfs().toAbsolutePath();
        // the mount points a runtime creates before it makes the root read-only
        for (String directory : List.of("proc", "dev", "tmp")) {
            Files.createDirectories(root.resolve(directory));
        }
        for (String file : List.of("etc/hosts", "etc/resolv.conf")) {
            Files.createDirectories(root.resolve(file).getParent());
            if (!Files.exists(root.resolve(file))) {
                Files.createFile(root.resolve(file));
            }
        }
        String[] user = image.config().user().split(":");
        List<String> command = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--propagation", "private",
                "--", "/bin/sh", "-c", SETUP, "sh", root.toString(), image.config().workingDir(), user[0], user[1]));
        for (Volume volume : volumes) {
            Files.createDirectories(root.resolve(volume.target().substring(1)));
            command.addAll(volume.source() == null
                    ? List.of("tmpfs", volume.target(), "rw", volume.tmpfsSize())
                    : List.of(volume.source().toAbsolutePath().toString(), volume.target(),
                            volume.readOnly() ? "ro" : "rw", "-"));
        }
        command.add("--");
        command.addAll(image.config().entrypoint());
        command.addAll(image.config().cmd());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }
}
