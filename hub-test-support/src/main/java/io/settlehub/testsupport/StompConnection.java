package io.settlehub.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A STOMP 1.2 client as the simplest non-Java connector would write one (and as STOMP libraries frame by default: every
 * SEND carries {@code content-length}), for tests that talk to the broker the way such connectors do.
 */
public final class StompConnection implements AutoCloseable {

    /** A frame the broker answered: its command (RECEIPT, ERROR, MESSAGE, CONNECTED), headers and body. */
    public record Frame(String command, Map<String, String> headers, String body) {

        public boolean isError() {
            return command.equals("ERROR");
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private int receipts;

    private StompConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(10_000);
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** Connects and logs in; an answer other than CONNECTED is an {@link IOException} with the broker's message. */
    public static StompConnection open(String host, int port, String login, String passcode) throws IOException {
        StompConnection connection = new StompConnection(new Socket(host, port));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept-version", "1.2");
        headers.put("host", host);
        headers.put("login", login);
        headers.put("passcode", passcode);
        connection.write("CONNECT", headers, "");
        Frame answer = connection.read();
        if (!answer.command().equals("CONNECTED")) {
            connection.close();
            throw new IOException("the broker refused " + login + ": " + answer.headers().get("message"));
        }
        return connection;
    }

    /** Sends a persistent message with a receipt, and answers the broker's RECEIPT or ERROR. */
    public Frame send(String destination, Map<String, String> headers, String body) throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("destination", destination);
        all.put("persistent", "true");
        all.put("content-type", "application/json");
        all.put("content-length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
        all.putAll(headers);
        all.put("receipt", "r" + (++receipts));
        write("SEND", all, body);
        return read();
    }

    /** Subscribes, and answers the broker's RECEIPT or ERROR. */
    public Frame subscribe(String destination) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("destination", destination);
        headers.put("id", "s" + (++receipts));
        headers.put("ack", "client");
        headers.put("receipt", "r" + receipts);
        write("SUBSCRIBE", headers, "");
        return read();
    }

    private void write(String command, Map<String, String> headers, String body) throws IOException {
        StringBuilder frame = new StringBuilder(command).append('\n');
        headers.forEach((name, value) -> frame.append(escape(name)).append(':').append(escape(value)).append('\n'));
        frame.append('\n');
        out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
        out.write(body.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.flush();
    }

    private Frame read() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != 0) {
            if (b < 0) {
                return new Frame("CLOSED", Map.of(), "");
            }
            bytes.write(b);
        }
        String text = bytes.toString(StandardCharsets.UTF_8).stripLeading();
        int split = text.indexOf("\n\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 2);
        String[] lines = head.split("\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon), lines[i].substring(colon + 1));
            }
        }
        return new Frame(lines[0].strip(), headers, body);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace(":", "\\c").replace("\r", "\\r");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
