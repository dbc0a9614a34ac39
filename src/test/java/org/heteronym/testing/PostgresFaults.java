package org.heteronym.testing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback proxy in front of PostgreSQL that reads the wire protocol, counts the statements the service sends
 * through it (each extended-protocol Sync or simple Query is one round trip, hence one step of the service's work),
 * and, when armed, injects a fault at the k-th statement from then on: it breaks that connection, or runs an action
 * (a SIGKILL of the service) and breaks it, either before the statement reaches the server or after the server has
 * answered it and before the service hears the answer. Only what passes through is counted,
 * which includes the service's background work (the log sequencer), as in production.
 */
public final class PostgresFaults implements AutoCloseable {

    /** Where, relative to the armed statement, the fault strikes. */
    public enum Fault {
        /** The connection is cut before the statement reaches the server. */
        CUT_BEFORE,
        /** The statement runs (a commit commits); the connection is cut before the service hears the answer. */
        CUT_AFTER,
        /** The action runs and the connection is cut before the statement reaches the server. */
        KILL_BEFORE,
        /** The statement runs (a commit commits); the action runs before the service hears the answer. */
        KILL_AFTER
    }

    /** The fault that struck: which one, at which statement, and the SQL of that statement where the proxy saw it. */
    public record Struck(Fault fault, long step, String sql) {
    }

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    private final ServerSocket listener;
    private final int upstreamPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong statements = new AtomicLong();
    private final List<Struck> struck = new CopyOnWriteArrayList<>();
    private volatile Armed armed;

    private record Armed(long atStatement, Fault fault, Runnable action) {
    }

    private PostgresFaults(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("pg-faults-accept").start(this::accept);
    }

    /** A proxy on a free loopback port in front of the local PostgreSQL. */
    public static PostgresFaults start() throws IOException {
        return new PostgresFaults(5432);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Statements seen so far. */
    public long statements() {
        return statements.get();
    }

    /** Arms one fault at the {@code k}-th statement from now (1 = the next one). */
    public void arm(long k, Fault fault, Runnable action) {
        armed = new Armed(statements.get() + k, fault, action);
    }

    /** Disarms, and returns the fault that struck since the last arming, if one did. */
    public Struck disarm() {
        armed = null;
        return struck.isEmpty() ? null : struck.removeLast();
    }

    /** Cuts every open connection at once, as a database restart or a network partition does. */
    public void cutAll() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        cutAll();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                open.add(client);
                open.add(server);
                Connection connection = new Connection(client, server);
                Thread.ofVirtual().start(connection::clientToServer);
                Thread.ofVirtual().start(connection::serverToClient);
            } catch (IOException e) {
                // the listener closed, or PostgreSQL is down: the service's pool sees a refused connection
            }
        }
    }

    /** One proxied connection; its two directions are pumped by their own threads. */
    private final class Connection {
        private final Socket client;
        private final Socket server;
        /** Statement name → SQL, from Parse messages, so a Bind of a prepared statement can be named. */
        private final Map<String, String> prepared = new HashMap<>();
        private volatile String lastSql = "";
        private volatile Runnable onNextAnswer;
        private volatile CompletableFuture<Integer> encryptionAnswer;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void clientToServer() {
            try (DataInputStream in = new DataInputStream(client.getInputStream());
                 OutputStream out = server.getOutputStream()) {
                if (!startup(in, out)) {
                    pipe(in, out);   // TLS: opaque from here on, forwarded but not counted
                    return;
                }
                while (true) {
                    int type = in.readUnsignedByte();
                    byte[] body = body(in);
                    remember(type, body);
                    if ((type == 'S' || type == 'Q') && !strike(out)) {
                        return;
                    }
                    forward(out, type, body);
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                cut();
            }
        }

        void serverToClient() {
            try (DataInputStream in = new DataInputStream(server.getInputStream());
                 OutputStream out = client.getOutputStream()) {
                while (true) {
                    int type = in.readUnsignedByte();
                    CompletableFuture<Integer> encryption = encryptionAnswer;
                    if (encryption != null) {
                        encryptionAnswer = null;
                        out.write(type);   // the one-byte answer to an SSL or GSS request
                        out.flush();
                        encryption.complete(type);
                        if (type != 'N') {
                            pipe(in, out);
                            return;
                        }
                        continue;
                    }
                    byte[] body = body(in);
                    Runnable action = onNextAnswer;
                    if (type == 'Z' && action != null) {
                        action.run();   // the statement ran; the service never hears that it did (cut() below)
                        return;
                    }
                    forward(out, type, body);
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                cut();
            }
        }

        private static void forward(OutputStream out, int type, byte[] body) throws IOException {
            out.write(type);
            out.write(length(body));
            out.write(body);
            out.flush();
        }

        /**
         * Forwards the untyped start-up messages; false once the server has agreed to TLS or GSS encryption (the
         * driver asked for it), after which the bytes are opaque.
         */
        private boolean startup(DataInputStream in, OutputStream out) throws IOException {
            while (true) {
                byte[] body = body(in);
                int code = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8)
                        | (body[3] & 0xff);
                CompletableFuture<Integer> answer = new CompletableFuture<>();
                boolean encryptionRequest = code == SSL_REQUEST || code == GSS_REQUEST;
                if (encryptionRequest) {
                    encryptionAnswer = answer;
                }
                out.write(length(body));
                out.write(body);
                out.flush();
                if (!encryptionRequest) {
                    return true;   // the StartupMessage: typed messages follow
                }
                try {
                    if (answer.get(30, TimeUnit.SECONDS) != 'N') {
                        return false;
                    }
                } catch (InterruptedException | ExecutionException | TimeoutException e) {
                    throw new IOException("no answer to an encryption request", e);
                }
            }
        }

        /** Counts the statement; false when the fault struck and this connection is gone. */
        private boolean strike(OutputStream out) throws IOException {
            long n = statements.incrementAndGet();
            Armed fault = armed;
            if (fault == null || n != fault.atStatement()) {
                return true;
            }
            armed = null;
            struck.add(new Struck(fault.fault(), n, lastSql));
            switch (fault.fault()) {
                case CUT_BEFORE -> {
                    return false;
                }
                case KILL_BEFORE -> {
                    fault.action().run();
                    return false;
                }
                case CUT_AFTER -> {
                    onNextAnswer = () -> { };
                    return true;
                }
                case KILL_AFTER -> {
                    onNextAnswer = fault.action();
                    return true;
                }
            }
            return true;
        }

        private void remember(int type, byte[] body) {
            if (type == 'P') {
                String[] parts = cStrings(body, 2);
                prepared.put(parts[0], parts[1]);
                lastSql = parts[1];
            } else if (type == 'B') {
                String[] parts = cStrings(body, 2);
                lastSql = prepared.getOrDefault(parts[1], lastSql);
            } else if (type == 'Q') {
                lastSql = cStrings(body, 1)[0];
            }
        }

        private void cut() {
            closeQuietly(client);
            closeQuietly(server);
            open.remove(client);
            open.remove(server);
        }
    }

    private static byte[] body(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 4 || length > 64 << 20) {
            throw new EOFException("not the PostgreSQL protocol: a message of " + length + " bytes");
        }
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return body;
    }

    private static byte[] length(byte[] body) {
        int length = body.length + 4;
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    private static String[] cStrings(byte[] body, int count) {
        String[] strings = new String[count];
        int start = 0;
        for (int i = 0; i < count; i++) {
            int end = start;
            while (end < body.length && body[end] != 0) {
                end++;
            }
            strings[i] = new String(body, start, end - start, StandardCharsets.UTF_8);
            start = end + 1;
        }
        return strings;
    }

    private static void pipe(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
