package io.settlehub.connector.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FileTransferUrisTest {

    @Test
    void an_sftp_endpoint_must_verify_the_host_key_against_a_known_hosts_file() {
        assertThatThrownBy(() -> FileTransferUris.requireSecure("hub.x", "sftp://1c.example:22/in?username=u&password=p"))
                .hasMessageContaining("hub.x: an sftp endpoint must verify the server's host key");
        assertThatThrownBy(() -> FileTransferUris.requireSecure("hub.x", "sftp://1c.example:22/in?strictHostKeyChecking=no&knownHostsFile=/k"))
                .hasMessageContaining("must verify the server's host key");
        assertThatThrownBy(() -> FileTransferUris.requireSecure("hub.x", "sftp://1c.example:22/in?strictHostKeyChecking=yes"))
                .hasMessageContaining("needs knownHostsFile=");
        assertThat(FileTransferUris.requireSecure("hub.x", "sftp://1c.example:22/in?knownHostsFile=/k&strictHostKeyChecking=yes"))
                .startsWith("sftp://");
    }

    @Test
    void plain_ftp_is_refused_and_local_files_are_left_alone() {
        assertThatThrownBy(() -> FileTransferUris.requireSecure("hub.x", "ftp://1c.example/in"))
                .hasMessageContaining("unencrypted");
        assertThat(FileTransferUris.requireSecure("hub.x", "file:./.hub/1c-exchange?fileExist=Ignore")).startsWith("file:");
    }
}
