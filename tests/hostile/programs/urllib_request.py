# No network: urllib cannot reach a server.
import urllib.request

urllib.request.urlopen("http://example.com/", timeout=1)
