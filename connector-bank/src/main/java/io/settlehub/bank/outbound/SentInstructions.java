package io.settlehub.bank.outbound;

import io.settlehub.connector.support.state.StateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whose each instruction this connector sent to a bank was, which bank, and under which 1C document number: the
 * banks' answers name only the end-to-end id (or the document number and date), and a canonical event needs the
 * client. Appended to a file when a file is uploaded, read back at start. Also hands out each bank's 1C document
 * numbers, durably.
 */
public class SentInstructions {

    private final Path file;
    private final Map<String, String> clientByInstruction = new ConcurrentHashMap<>();
    private final Map<String, String> bankByInstruction = new ConcurrentHashMap<>();
    private final Map<String, java.util.List<String>> banksTried = new ConcurrentHashMap<>();
    private final Map<String, String> instructionByDocument = new ConcurrentHashMap<>();
    /** A bank's document number → the instruction it numbered last (a number returns only after 999,999 others). */
    private final Map<String, String> instructionByNumber = new ConcurrentHashMap<>();

    public SentInstructions(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] parts = line.split("\t");
                    if (parts.length >= 2) {
                        clientByInstruction.put(parts[0], parts[1]);
                    }
                    if (parts.length >= 3) {
                        bankByInstruction.put(parts[0], parts[2]);
                        banksTried.computeIfAbsent(parts[0], k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(parts[2]);
                    }
                    if (parts.length >= 5) {
                        instructionByDocument.put(documentKey(parts[2], parts[3], parts[4]), parts[0]);
                        instructionByNumber.put(parts[2] + "|" + parts[3], parts[0]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    public synchronized void sent(String instructionId, String clientId) {
        sent(instructionId, clientId, "default", null, null);
    }

    /** {@code documentNumber} and {@code date}: the payment order's (1C, Russian host-to-host), null for generic ISO 20022. */
    public synchronized void sent(String instructionId, String clientId, String bank, String documentNumber, java.time.LocalDate date) {
        if (banksTried(instructionId).contains(bank)) {
            return;
        }
        clientByInstruction.put(instructionId, clientId);
        bankByInstruction.put(instructionId, bank);
        banksTried.computeIfAbsent(instructionId, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(bank);
        String line = instructionId + "\t" + clientId + "\t" + bank;
        if (documentNumber != null) {
            instructionByDocument.put(documentKey(bank, documentNumber, date.toString()), instructionId);
            instructionByNumber.put(bank + "|" + documentNumber, instructionId);
            line += "\t" + documentNumber + "\t" + date;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record instruction " + instructionId, e);
        }
    }

    /** The banks the instruction was sent to, first to last. */
    public java.util.List<String> banksTried(String instructionId) {
        return java.util.List.copyOf(banksTried.getOrDefault(instructionId, java.util.List.of()));
    }

    /** Keeps the instruction as received, so it can be sent again through another bank. */
    public void keep(String instructionId, String json) {
        StateFile kept = keptFile(instructionId);
        if (!kept.exists()) {
            kept.writeText(json);
        }
    }

    public Optional<String> kept(String instructionId) {
        return keptFile(instructionId).readText();
    }

    private StateFile keptFile(String instructionId) {
        return StateFile.in(file.toAbsolutePath().getParent(), "bank-instructions", instructionId + ".json");
    }

    public Optional<String> bankOf(String instructionId) {
        return Optional.ofNullable(instructionId == null ? null : bankByInstruction.get(instructionId));
    }

    /** The instruction a bank's 1C payment order of that number and date was. */
    public Optional<String> instructionOfDocument(String bank, String number, java.time.LocalDate date) {
        return Optional.ofNullable(date == null ? null : instructionByDocument.get(documentKey(bank, number, date.toString())));
    }

    /**
     * Our instruction a bank's answer names: by its id (what the generic ISO 20022 profile sends as EndToEndId), or by the
     * payment order number the bank was sent under (the Russian host-to-host profile's EndToEndId).
     */
    public Optional<String> instructionNamed(String bank, String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        if (clientByInstruction.containsKey(reference)) {
            return Optional.of(reference);
        }
        return Optional.ofNullable(instructionByNumber.get(bank + "|" + reference));
    }

    /** The bank's next 1C document number, kept in a file beside the record so a restart never reuses one. */
    public String nextDocumentNumber(String bank) {
        return nextDocumentNumber(bank, Long.MAX_VALUE);
    }

    /**
     * The bank's next payment order number, at most {@code highest}, then from 1 again: a Russian bank checks that a
     * payer's number is unique within a day (pain.001 host-to-host: up to 6 digits), which holds while a bank is sent
     * fewer than {@code highest} orders a day.
     */
    public synchronized String nextDocumentNumber(String bank, long highest) {
        StateFile counter = StateFile.in(file.toAbsolutePath().getParent(), "bank-" + bank + "-document-number.txt");
        long next = counter.readText().map(text -> Long.parseLong(text.trim()) + 1).orElse(1L);
        if (next > highest) {
            next = 1;
        }
        counter.writeText(Long.toString(next));
        return Long.toString(next);
    }

    private static String documentKey(String bank, String number, String date) {
        return bank + "|" + number + "|" + date;
    }

    public Optional<String> clientOf(String instructionId) {
        return Optional.ofNullable(instructionId == null ? null : clientByInstruction.get(instructionId));
    }
}
