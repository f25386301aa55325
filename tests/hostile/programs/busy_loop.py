# A loop that never gives control back is stopped by the timeout.
while True:
    pass
