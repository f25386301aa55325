# Sockets go to the run's virtual network only: no outside host is there.
import socket

socket.create_connection(("example.com", 80), timeout=1)
