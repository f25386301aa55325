# A program's logging configuration does not swallow the next program's log lines.
import logging

logging.basicConfig(level=logging.DEBUG, format="first: %(message)s")
logging.getLogger("asyncio").setLevel(logging.CRITICAL)
logging.info("configured")
