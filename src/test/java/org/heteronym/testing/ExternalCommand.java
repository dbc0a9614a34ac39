package org.heteronym.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program as a separate process, bounded in time, and keeps what it printed. */
public record ExternalCommand(int exitCode, String output) {

    /** The packaged {@code heteronym} command-line jar, run by this JVM's java. */
    public static ExternalCommand heteronym(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("heteronym.cli.jar", "target/heteronym-cli.jar")));
        command.addAll(List.of(args));
        return run(command);
    }

    /** The independent verifier (Node.js, written from RFC 9162 and the C2SP texts alone). */
    public static ExternalCommand independentVerifier(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "src/test/resources/independent-verifier/verify.mjs"));
        command.addAll(List.of(args));
        return run(command);
    }

    public static ExternalCommand run(List<String> command) throws IOException, InterruptedException {
        return finish(start(command, java.util.Map.of()), command);
    }

    /** The packaged {@code heteronym} jar started in the background with extra environment variables. */
    public static Process startHeteronym(java.util.Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("heteronym.cli.jar", "target/heteronym-cli.jar")));
        command.addAll(List.of(args));
        return start(command, environment);
    }

    public static Process start(List<String> command, java.util.Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /** Waits (bounded) for a started process and keeps what it printed. */
    public static ExternalCommand finish(Process process, Object what) throws IOException, InterruptedException {
        java.util.concurrent.CompletableFuture<byte[]> out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + what);
        }
        return new ExternalCommand(process.exitValue(), new String(out.join(), StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + ":\n" + output;
    }
}
