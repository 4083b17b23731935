package dev.restauth.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder between restauth and its database server that a test can cut, as a network outage or a database
 * that went down does: {@link #cut()} drops every connection and refuses new ones, {@link #restore()} listens again
 * on the same port.
 */
final class CuttableProxy implements AutoCloseable {
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile ServerSocket listener;

    CuttableProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = listener.getLocalPort();
        accept(listener);
    }

    int port() {
        return port;
    }

    /** Drops every connection and stops listening: new connections are refused. */
    synchronized void cut() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    /** Listens again, on the same port. */
    synchronized void restore() throws IOException {
        listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        accept(listener);
    }

    /** Keeps a new connection's two sockets, unless the proxy was cut while it was being made. */
    private synchronized boolean keep(ServerSocket server, Socket client, Socket upstream) throws IOException {
        if (server.isClosed()) {
            client.close();
            upstream.close();
            return false;
        }
        sockets.add(client);
        sockets.add(upstream);
        return true;
    }

    private void accept(ServerSocket server) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    if (keep(server, client, upstream)) {
                        pump(client, upstream);
                        pump(upstream, client);
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
