# The C-level socket module (under the runtime's virtual network) reaches no outside host either.
import _socket

sock = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
sock.connect(("1.1.1.1", 80))
