#include "tests/integration/raw_http2_call.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>

namespace docsearch::testing {
namespace {

constexpr char kPreface[] = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
constexpr uint8_t kData = 0x0, kHeaders = 0x1, kSettings = 0x4;
constexpr uint8_t kEndStream = 0x1, kEndHeaders = 0x4;

void AppendFrame(std::string* out, uint8_t type, uint8_t flags, uint32_t stream,
                 const std::string& payload) {
  const uint32_t length = static_cast<uint32_t>(payload.size());
  out->push_back(static_cast<char>(length >> 16));
  out->push_back(static_cast<char>(length >> 8));
  out->push_back(static_cast<char>(length));
  out->push_back(static_cast<char>(type));
  out->push_back(static_cast<char>(flags));
  for (int shift = 24; shift >= 0; shift -= 8) out->push_back(static_cast<char>(stream >> shift));
  out->append(payload);
}

// HPACK "literal header field without indexing, new name", no Huffman
// coding; every name and value here is shorter than 127 bytes.
void AppendHeader(std::string* block, const std::string& name, const std::string& value) {
  block->push_back(0x00);
  block->push_back(static_cast<char>(name.size()));
  block->append(name);
  block->push_back(static_cast<char>(value.size()));
  block->append(value);
}

}  // namespace

int OpenRawCall(int port, const std::string& path, const std::string& request) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    close(fd);
    return -1;
  }
  std::string bytes(kPreface, sizeof(kPreface) - 1);
  // SETTINGS_INITIAL_WINDOW_SIZE (4) = 0.
  AppendFrame(&bytes, kSettings, 0, 0, std::string("\x00\x04\x00\x00\x00\x00", 6));
  std::string block;
  AppendHeader(&block, ":method", "POST");
  AppendHeader(&block, ":scheme", "http");
  AppendHeader(&block, ":path", path);
  AppendHeader(&block, ":authority", "127.0.0.1:" + std::to_string(port));
  AppendHeader(&block, "content-type", "application/grpc");
  AppendHeader(&block, "te", "trailers");
  AppendFrame(&bytes, kHeaders, kEndHeaders, 1, block);
  if (!request.empty()) {
    std::string message(1, '\0');  // Not compressed.
    const uint32_t length = static_cast<uint32_t>(request.size());
    for (int shift = 24; shift >= 0; shift -= 8)
      message.push_back(static_cast<char>(length >> shift));
    message.append(request);
    AppendFrame(&bytes, kData, kEndStream, 1, message);
  }
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t wrote = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (wrote <= 0) {
      close(fd);
      return -1;
    }
    sent += static_cast<size_t>(wrote);
  }
  return fd;
}

}  // namespace docsearch::testing
