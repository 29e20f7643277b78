package io.settlehub.bank.upload;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import io.settlehub.bank.config.BankProperties;

/** Whether a file is (still) in a bank's SFTP outbox, asked with the same credentials and host-key check as uploads. */
final class BankOutbox {

    private BankOutbox() {
    }

    static boolean holds(BankProperties.Sftp sftp, String fileName) throws JSchException, SftpException {
        sftp.uploadUri(); // refuses a bank without a known_hosts file, as uploads do
        JSch jsch = new JSch();
        jsch.setKnownHosts(sftp.knownHosts());
        if (sftp.privateKeyFile() != null && !sftp.privateKeyFile().isBlank()) {
            jsch.addIdentity(sftp.privateKeyFile());
        }
        Session session = jsch.getSession(sftp.user(), sftp.host(), sftp.port());
        if (sftp.password() != null && !sftp.password().isBlank()) {
            session.setPassword(sftp.password());
        }
        session.setConfig("StrictHostKeyChecking", "yes");
        session.connect(10_000);
        try {
            ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
            channel.connect(10_000);
            try {
                channel.stat(sftp.outbox() + "/" + fileName);
                return true;
            } catch (SftpException e) {
                if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    return false;
                }
                throw e;
            } finally {
                channel.disconnect();
            }
        } finally {
            session.disconnect();
        }
    }
}
