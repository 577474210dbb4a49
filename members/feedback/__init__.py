"""Feedback forms editors build in the admin (Wagtail's form builder, extended): their
answers stored, not only emailed, and read by programme staff."""
