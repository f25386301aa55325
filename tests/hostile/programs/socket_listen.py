# A C-level socket cannot open a server on the host.
import _socket

sock = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
sock.bind(("0.0.0.0", 8765))
sock.listen()
print("listening")
