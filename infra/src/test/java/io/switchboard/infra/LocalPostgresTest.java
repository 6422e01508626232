package io.switchboard.infra;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class LocalPostgresTest {

    @Test
    @DisplayName("the local stack's PostgreSQL acknowledges a commit only once it is flushed (synchronous_commit on)")
    void commitsAreDurable(@TempDir Path data) throws IOException, SQLException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (LocalPostgres postgres = LocalPostgres.start(data, port);
             Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet setting = statement.executeQuery("SHOW synchronous_commit")) {
            setting.next();
            assertThat(setting.getString(1)).isEqualTo("on");
        }
    }
}
